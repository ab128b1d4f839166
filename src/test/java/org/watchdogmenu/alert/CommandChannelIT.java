package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;

class CommandChannelIT {
  @TempDir Path root;
  private final MutableClock clock = MutableClock.at("2025-02-14T10:30:00Z");

  private Host realHost() {
    return new Host(new HostRoot(root), new ExecCommandRunner(), clock, clock, "root");
  }

  private AlertEvent event() {
    return new AlertEvent(
        AlertKind.LIMIT_REACHED,
        "pm2-codebox",
        clock.instant(),
        "Restart DENIED: limit reached (5/5 per hour) \"quoted\" $HOME {host}",
        Map.of());
  }

  @Test
  void aRealCommandGetsTheMessageAsArgumentAndEnvironment() throws Exception {
    Path out = root.resolve("alert.txt");
    CommandChannel channel =
        new CommandChannel(
            "command sh",
            Duration.ofSeconds(5),
            List.of(
                "/bin/sh",
                "-c",
                "printf '%s\\n%s\\n%s\\n%s\\n%s\\n' \"$WATCHDOG_EVENT\" \"$WATCHDOG_TARGET\""
                    + " \"$WATCHDOG_MESSAGE\" \"$WATCHDOG_HOST\" \"$1\" > \"$2\"",
                "sh",
                "[{event}] {target} on {host}: {message}",
                out.toString()),
            realHost(),
            "web-01");

    ChannelResult r = channel.send(event());

    assertThat(r.delivered()).isTrue();
    assertThat(r.detail()).isEqualTo("exit 0");
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "limit-reached",
            "pm2-codebox",
            "Restart DENIED: limit reached (5/5 per hour) \"quoted\" $HOME {host}",
            "web-01",
            "[limit-reached] pm2-codebox on web-01: Restart DENIED: limit reached (5/5 per hour)"
                + " \"quoted\" $HOME {host}");
  }

  @Test
  void aHangingCommandIsKilledAtItsTimeout() {
    CommandChannel channel =
        new CommandChannel(
            "command sleep", Duration.ofMillis(700), List.of("sleep", "30"), realHost(), "web-01");

    long start = System.nanoTime();
    ChannelResult r = channel.send(event());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(r.delivered()).isFalse();
    assertThat(r.detail()).startsWith("timed out after");
  }

  @Test
  void secretsGoToTheEnvironmentAndAreMaskedInWhatTheCommandPrints() throws Exception {
    Path out = root.resolve("token.txt");
    CommandChannel channel =
        new CommandChannel(
            "command notify",
            Duration.ofSeconds(5),
            List.of(
                "/bin/sh",
                "-c",
                "printf '%s' \"$TOKEN\" > \"$1\"; echo \"rejected token $TOKEN\" >&2; exit 1",
                "sh",
                out.toString()),
            Map.of("TOKEN", "s3cr3t-t0ken"),
            realHost(),
            "web-01");

    ChannelResult r = channel.send(event());

    assertThat(Files.readString(out)).isEqualTo("s3cr3t-t0ken");
    assertThat(r.delivered()).isFalse();
    assertThat(r.detail()).isEqualTo("exit 1: rejected token ****");
    assertThat(r.line()).doesNotContain("s3cr3t");
  }
}
