package org.watchdogmenu.alert;

import java.net.URI;
import java.util.Map;
import org.watchdogmenu.os.HostRoot;

/**
 * Posts alerts to Alertmanager's v2 API, {@code URL/api/v2/alerts} (bodies by {@link
 * AlertmanagerAlerts}), with its credentials read at each send.
 */
final class AlertmanagerChannel {
  /** The API path under the channel's address. */
  static final String API = "/api/v2/alerts";

  private AlertmanagerChannel() {}

  static Channel of(ChannelSpec.Alertmanager spec, HostRoot root, String hostName) {
    HttpChannel.Headers headers =
        () -> {
          if (spec.credentials().isEmpty()) {
            return Map.of();
          }
          return Map.of("Authorization", spec.credentials().get().header(root));
        };
    return new HttpChannel(
        spec.name(),
        spec.timeout(),
        api(spec.url().uri()),
        headers,
        e -> AlertmanagerAlerts.body(e, hostName, spec.labels(), spec.expire()));
  }

  /** {@code http://127.0.0.1:9093} → {@code http://127.0.0.1:9093/api/v2/alerts}. */
  static URI api(URI base) {
    String text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text + API);
  }
}
