package org.watchdogmenu.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.TreeMap;
import org.watchdogmenu.model.Durations;

/**
 * Writes an {@link AlertsConfig} as the text of alerts.yaml: every setting and channel, a name only
 * where it differs from the default, headers sorted, and a header comment that says how the file is
 * changed. No timestamp, so the same settings always give the same bytes.
 */
final class AlertsYaml {
  static final String HEADER =
      "# Alert channels of watchdog-menu; see 'watchdog-menu alert --help'.\n"
          + "# Mode 0600 root: webhook addresses are secrets. 'watchdog-menu alert\n"
          + "# add-channel' and the menu rewrite this file, keeping every channel\n"
          + "# and setting (but not comments).\n";

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  private AlertsYaml() {}

  static String render(AlertsConfig config) {
    ObjectNode root = YAML.createObjectNode();
    if (config.remindEvery() != null) {
      root.put("remind_every", Durations.format(config.remindEvery()));
    }
    ArrayNode channels = root.putArray("channels");
    config.channels().forEach(c -> channels.add(node(c)));
    try {
      return HEADER + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a YAML tree of strings always serialises", e);
    }
  }

  private static ObjectNode node(ChannelSpec spec) {
    ObjectNode n = YAML.createObjectNode();
    if (spec instanceof ChannelSpec.Slack s) {
      n.put("type", "slack");
      name(n, s.name(), ChannelSpec.Slack.defaultName(s.url()));
      n.put("url", s.url().uri().toString());
    } else if (spec instanceof ChannelSpec.Webhook w) {
      n.put("type", "webhook");
      name(n, w.name(), ChannelSpec.Webhook.defaultName(w.url()));
      n.put("url", w.url().uri().toString());
      if (!w.headers().isEmpty()) {
        ObjectNode headers = n.putObject("headers");
        new TreeMap<>(w.headers()).forEach(headers::put);
      }
    } else if (spec instanceof ChannelSpec.Alertmanager a) {
      alertmanager(n, a);
    } else {
      ChannelSpec.Command c = (ChannelSpec.Command) spec;
      n.put("type", "command");
      name(n, c.name(), ChannelSpec.Command.defaultName(c.command()));
      ArrayNode argv = n.putArray("command");
      c.command().forEach(argv::add);
      if (!c.env().isEmpty()) {
        ObjectNode env = n.putObject("env");
        c.env().forEach(env::put);
      }
    }
    if (!spec.timeout().equals(ChannelSpec.DEFAULT_TIMEOUT)) {
      n.put("timeout", Durations.format(spec.timeout()));
    }
    return n;
  }

  private static void alertmanager(ObjectNode n, ChannelSpec.Alertmanager a) {
    n.put("type", "alertmanager");
    name(n, a.name(), ChannelSpec.Alertmanager.defaultName(a.url()));
    n.put("url", a.url().uri().toString());
    if (!a.labels().isEmpty()) {
      ObjectNode labels = n.putObject("labels");
      a.labels().forEach(labels::put);
    }
    if (a.bearerToken() != null) {
      n.put("bearer_token", a.bearerToken());
    }
    if (a.bearerTokenFile() != null) {
      n.put("bearer_token_file", a.bearerTokenFile());
    }
    if (a.basicAuth() != null) {
      ObjectNode basic = n.putObject("basic_auth");
      basic.put("username", a.basicAuth().username());
      if (a.basicAuth().password() != null) {
        basic.put("password", a.basicAuth().password());
      } else {
        basic.put("password_file", a.basicAuth().passwordFile());
      }
    }
    if (!a.expire().equals(ChannelSpec.Alertmanager.DEFAULT_EXPIRE)) {
      n.put("expire", Durations.format(a.expire()));
    }
  }

  private static void name(ObjectNode n, String name, String byDefault) {
    if (!name.equals(byDefault)) {
      n.put("name", name);
    }
  }
}
