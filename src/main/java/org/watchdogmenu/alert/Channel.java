package org.watchdogmenu.alert;

import java.time.Duration;
import java.util.Map;
import org.watchdogmenu.os.Host;

/** Somewhere an alert goes. Sending never throws and never outlives {@link #timeout()} by much. */
interface Channel {
  String name();

  Duration timeout();

  ChannelResult send(AlertEvent event);

  static Channel of(ChannelSpec spec, Host host, String hostName) {
    if (spec instanceof ChannelSpec.Slack s) {
      return new HttpChannel(
          s.name(), s.timeout(), s.url().uri(), Map.of(), e -> Bodies.slack(e, hostName));
    }
    if (spec instanceof ChannelSpec.Webhook w) {
      return new HttpChannel(
          w.name(), w.timeout(), w.url().uri(), w.headers(), e -> Bodies.webhook(e, hostName));
    }
    if (spec instanceof ChannelSpec.Alertmanager a) {
      return AlertmanagerChannel.of(a, host.root(), hostName);
    }
    ChannelSpec.Command c = (ChannelSpec.Command) spec;
    return new CommandChannel(c.name(), c.timeout(), c.command(), c.env(), host, hostName);
  }
}
