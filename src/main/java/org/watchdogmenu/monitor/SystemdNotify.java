package org.watchdogmenu.monitor;

import java.time.Duration;
import java.util.Map;
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
  private final boolean wanted;
  private final long pid;

  SystemdNotify(CommandRunner runner, Map<String, String> env, long pid) {
    this.runner = runner;
    this.wanted = env.containsKey("NOTIFY_SOCKET");
    this.pid = pid;
  }

  /**
   * @return a problem to log, or null when it went well or systemd did not ask
   */
  String ready() {
    return send("--ready");
  }

  /**
   * @return a problem to log, or null when it went well or systemd did not ask
   */
  String alive() {
    return send("WATCHDOG=1");
  }

  private String send(String message) {
    if (!wanted) {
      return null;
    }
    CommandResult r = runner.run(Command.of(TIMEOUT, "systemd-notify", "--pid=" + pid, message));
    return r.succeeded() ? null : "systemd-notify " + message + " failed: " + r.summary();
  }
}
