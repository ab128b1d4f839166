package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.LockFile;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.service.RestartStep;

class RestartGuardLockIT {
  private static final Instant T0 = Instant.parse("2025-02-14T10:00:00Z");
  private static final String[] RESTART = {"systemctl", "restart", "paqet-server.service"};

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final MutableClock clock = new MutableClock(T0);
  private final StringWriter out = new StringWriter();
  private final Target target = Targets.paqetServer();
  private Host host;
  private RestartGuard guard;
  private Path state;

  @BeforeEach
  void setUp() {
    host = TestHosts.scripted(root, runner, clock);
    guard =
        new RestartGuard(
            host, target, new EngineLog(null, new PrintWriter(out), clock), EngineEvents.NONE);
    state = root.resolve("var/tmp/paqet_restart_state_server.txt");
  }

  private Result attempt(RestartSource source, Mode mode) {
    return guard.attempt(step(), source, mode);
  }

  private static RestartStep step() {
    Command c = Command.of(Duration.ofSeconds(120), RESTART);
    return new RestartStep(c.display(), c);
  }

  @Test
  void aBusyLockHoldsTheRestartBackWithoutRunningAnything() throws Exception {
    Clock wall = Clock.systemUTC();
    EngineLog log = new EngineLog(null, new PrintWriter(out), wall);
    guard = new RestartGuard(host, withLockTimeout(Duration.ofMillis(300)), log, EngineEvents.NONE);
    Path lock = root.resolve("run/watchdog-menu/var-tmp-paqet_restart_state_server.txt.lock");
    LockFile.Held other = LockFile.acquire(lock, Duration.ofSeconds(1), wall).orElseThrow();
    AtomicReference<Result> result = new AtomicReference<>();
    try {
      Thread contender =
          new Thread(() -> result.set(guard.attempt(step(), RestartSource.CRON, Mode.NORMAL)));
      contender.start();
      contender.join(5000);
    } finally {
      other.close();
    }
    assertThat(result.get()).isEqualTo(Result.LOCK_BUSY);
    assertThat(out.toString())
        .contains(
            "Could not acquire lock: another restart of paqet-server is in progress (waited 300ms)");
    assertThat(runner.seen()).isEmpty();
    assertThat(state).doesNotExist();
  }

  private Target withLockTimeout(Duration lockTimeout) {
    var p = target.policy();
    return new Target(
        target.id(),
        target.title(),
        target.system(),
        target.role(),
        null,
        target.service(),
        target.probes(),
        new org.watchdogmenu.model.Policy(
            p.interval(),
            p.retries(),
            p.retryDelay(),
            p.grace(),
            p.cooldown(),
            p.maxRestarts(),
            p.window(),
            lockTimeout,
            p.restartTimeout()),
        target.paths());
  }
}
