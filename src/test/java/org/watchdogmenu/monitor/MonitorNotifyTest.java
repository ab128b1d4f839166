package org.watchdogmenu.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.os.ScriptedCommandRunner;

class MonitorNotifyTest {
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();

  @Test
  void underSystemdReadyAndWatchdogGoThroughSystemdNotifyWithTheMonitorsPid() {
    runner.expect("systemd-notify", "--pid=812", "--ready").exits(0);
    runner.expect("systemd-notify", "--pid=812", "WATCHDOG=1").exits(0);
    runner.expect("systemd-notify", "--pid=812", "WATCHDOG=1").printsError("no socket").exits(1);
    SystemdNotify notify =
        new SystemdNotify(runner, Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), 812);

    assertThat(notify.ready()).isEmpty();
    assertThat(notify.alive()).isEmpty();
    assertThat(notify.alive()).hasValue("systemd-notify WATCHDOG=1 failed: exit 1: no socket");
    runner.verifyAllUsed();
    // commands get a clean environment: the socket is handed on by name, and nothing else
    assertThat(runner.seen())
        .allSatisfy(
            c ->
                assertThat(c.env())
                    .containsExactly(Map.entry("NOTIFY_SOCKET", "/run/systemd/notify")));
  }

  @Test
  void withoutNotifySocketNothingRuns() {
    SystemdNotify notify = new SystemdNotify(runner, Map.of(), 812);
    assertThat(notify.ready()).isEmpty();
    assertThat(notify.alive()).isEmpty();
    assertThat(runner.seen()).isEmpty();
  }
}
