package org.watchdogmenu.alert;

import java.nio.file.Path;
import java.time.Instant;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/** A separate process for {@link AlertMemoryIT}: one run that alerts "limit reached" once. */
public final class SendOnce {
  private SendOnce() {}

  public static void main(String[] args) throws Exception {
    Host host = Host.system(new HostRoot(Path.of(args[0])));
    Delivery d =
        Alerts.load(host)
            .notify(
                AlertEvent.of(
                    AlertKind.LIMIT_REACHED,
                    "paqet-server",
                    Instant.parse(args[1]),
                    "Restart DENIED: limit reached (5/5 per hour)"),
                Alerts.DEFAULT_WINDOW);
    System.out.println(d.status());
  }
}
