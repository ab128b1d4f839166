package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.LockFile;

class RestartGuardLockIT extends GuardFixture {
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
