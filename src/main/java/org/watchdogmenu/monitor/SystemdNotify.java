package org.watchdogmenu.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;

/**
 * Tells systemd the monitor is ready and alive ({@code Type=notify}, {@code WatchdogSec=} of the
 * monitor unit) with {@code systemd-notify}, only when systemd asked for it ({@code NOTIFY_SOCKET}
 * set). The messages carry the monitor's pid, so systemd credits them to the main process.
 */
final class SystemdNotify {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final CommandRunner runner;
  private final String socket;
  private final long pid;

  SystemdNotify(CommandRunner runner, Map<String, String> env, long pid) {
    this.runner = runner;
    this.socket = env.get("NOTIFY_SOCKET");
    this.pid = pid;
  }

  /**
   * @return a problem to log; empty when it went well or systemd did not ask
   */
  Optional<String> ready() {
    return send("--ready");
  }

  /**
   * @return a problem to log; empty when it went well or systemd did not ask
   */
  Optional<String> alive() {
    return send("WATCHDOG=1");
  }

  private Optional<String> send(String message) {
    if (socket == null) {
      return Optional.empty();
    }
    // commands get a clean environment: the socket is passed on by name
    CommandResult r =
        runner.run(
            new Command(
                List.of("systemd-notify", "--pid=" + pid, message),
                TIMEOUT,
                null,
                Map.of("NOTIFY_SOCKET", socket)));
    return r.succeeded()
        ? Optional.empty()
        : Optional.of("systemd-notify " + message + " failed: " + r.summary());
  }
}
