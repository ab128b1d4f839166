package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class CommandChannelTest {
  @TempDir Path root;
  private final MutableClock clock = MutableClock.at("2025-02-14T10:30:00Z");

  private AlertEvent event() {
    return new AlertEvent(
        AlertKind.LIMIT_REACHED,
        "pm2-codebox",
        clock.instant(),
        "Restart DENIED: limit reached (5/5 per hour) \"quoted\" $HOME {host}",
        Map.of());
  }

  @Test
  void theArgvIsExactAndNoShellIsInvolved() {
    ScriptedCommandRunner runner = new ScriptedCommandRunner();
    runner
        .expect(
            "mail",
            "-s",
            "watchdog-menu: pm2-codebox limit-reached",
            "-a",
            "X-Time: 2025-02-14T10:30:00Z",
            "admin@example.com")
        .exits(1)
        .printsError("mail: cannot send message");
    CommandChannel channel =
        new CommandChannel(
            "command mail",
            Duration.ofSeconds(5),
            List.of(
                "mail",
                "-s",
                "watchdog-menu: {target} {event}",
                "-a",
                "X-Time: {time}",
                "admin@example.com"),
            TestHosts.scripted(root, runner, clock),
            "web-01");

    ChannelResult r = channel.send(event());

    runner.verifyAllUsed();
    assertThat(runner.seen().get(0).env())
        .containsEntry("WATCHDOG_EVENT", "limit-reached")
        .containsEntry("WATCHDOG_TARGET", "pm2-codebox")
        .containsEntry("WATCHDOG_TIME", "2025-02-14T10:30:00Z")
        .containsEntry("WATCHDOG_HOST", "web-01");
    assertThat(r.delivered()).isFalse();
    assertThat(r.detail()).isEqualTo("exit 1: mail: cannot send message");
  }
}
