package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.Owners;
import org.watchdogmenu.os.TestHosts;

/**
 * A state file kept where the old scripts kept it ({@code /var/tmp}, shared by every account):
 * whatever another account puts under its name, the guard neither trusts it nor hangs on it, and
 * says so in one line.
 */
class StateFileTrustTest extends GuardFixture {
  @BeforeEach
  void sharedFolder() throws Exception {
    assumeTrue(Owners.euid() == 0, "needs root to play another account's files");
    Files.createDirectories(state.getParent());
    Files.setAttribute(state.getParent(), "unix:mode", 01777);
  }

  @Test
  void rootsOwnStateFileInTheSharedFolderIsUsed() throws Exception {
    runner.expect(RESTART);
    assertThat(attempt()).isEqualTo(Result.RESTARTED);
    assertThat(Files.readString(state)).isEqualTo(T0.getEpochSecond() + " health\n");
  }

  @Test
  void aStateFileAnotherAccountCreatedCannotStopRestarts() throws Exception {
    Files.writeString(state, fiveFreshRestarts());
    Files.setAttribute(state, "unix:uid", 65534);
    assertThat(attempt()).isEqualTo(Result.REFUSED);
    assertThat(out.toString())
        .contains("Restart NOT done: refusing state file " + state + ": it belongs to nobody")
        .doesNotContain("limit reached");
    assertThat(runner.seen()).isEmpty();
  }

  @Test
  void aLinkToARootOnlyFileLeaksNothing() throws Exception {
    Path secret = Files.writeString(root.resolve("alerts.yaml"), "token: s3cr3t-value\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.createSymbolicLink(state, secret);
    assertThat(attempt()).isEqualTo(Result.REFUSED);
    assertThat(out.toString()).doesNotContain("s3cr3t");
    Files.delete(state);
    Files.createLink(state, secret);
    assertThat(attempt()).isEqualTo(Result.REFUSED);
    assertThat(out.toString()).doesNotContain("s3cr3t").contains("2 hard links");
  }

  @Test
  void aStateFileOthersMayWriteIsRefused() throws Exception {
    Files.writeString(state, fiveFreshRestarts());
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(attempt()).isEqualTo(Result.REFUSED);
    assertThat(out.toString()).contains("writable by everyone");
  }

  @Test
  void resetLeavesAnEmptyFileOfRootsSoTheNameIsNeverFree() throws Exception {
    Files.writeString(state, fiveFreshRestarts());
    Host host = TestHosts.scripted(root, runner, clock);
    new Engine(host).reset(target, new PrintWriter(new StringWriter()));
    assertThat(Files.exists(state, LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(state)).isEmpty();
    runner.expect(RESTART);
    assertThat(attempt()).isEqualTo(Result.RESTARTED);
  }
}
