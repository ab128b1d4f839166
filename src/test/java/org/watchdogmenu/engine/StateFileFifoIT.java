package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.os.Owners;

/**
 * A state file kept where the old scripts kept it ({@code /var/tmp}, shared by every account):
 * whatever another account puts under its name, the guard neither trusts it nor hangs on it, and
 * says so in one line.
 */
class StateFileFifoIT extends GuardFixture {
  @BeforeEach
  void sharedFolder() throws Exception {
    assumeTrue(Owners.euid() == 0, "needs root to play another account's files");
    Files.createDirectories(state.getParent());
    Files.setAttribute(state.getParent(), "unix:mode", 01777);
  }

  @Test
  @Timeout(10)
  void aFifoUnderTheStateFilesNameDoesNotHangTheGuard() throws Exception {
    assertThat(new ProcessBuilder("mkfifo", state.toString()).start().waitFor()).isZero();
    assertThat(attempt()).isEqualTo(Result.REFUSED);
    assertThat(out.toString()).contains("refusing " + state + ": it is a FIFO");
  }
}
