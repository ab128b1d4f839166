package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.Owners;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.service.RestartStep;

/**
 * A state file kept where the old scripts kept it ({@code /var/tmp}, shared by every account):
 * whatever another account puts under its name, the guard neither trusts it nor hangs on it, and
 * says so in one line.
 */
class StateFileTrustTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:00:00Z");
  private static final String[] RESTART = {"systemctl", "restart", "paqet-server.service"};

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final MutableClock clock = new MutableClock(T0);
  private final StringWriter out = new StringWriter();
  private final Target target = Targets.paqetServer();
  private RestartGuard guard;
  private Path state;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(Owners.euid() == 0, "needs root to play another account's files");
    Host host = TestHosts.scripted(root, runner, clock);
    guard =
        new RestartGuard(
            host, target, new EngineLog(null, new PrintWriter(out), clock), EngineEvents.NONE);
    state = root.resolve("var/tmp/paqet_restart_state_server.txt");
    Files.createDirectories(state.getParent());
    Files.setAttribute(state.getParent(), "unix:mode", 01777);
  }

  private Result attempt() {
    Command c = Command.of(Duration.ofSeconds(120), RESTART);
    return guard.attempt(new RestartStep(c.display(), c), RestartSource.HEALTH, Mode.NORMAL);
  }

  private String fiveFreshRestarts() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      sb.append(T0.getEpochSecond() - i * 200).append(" health\n");
    }
    return sb.toString();
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
