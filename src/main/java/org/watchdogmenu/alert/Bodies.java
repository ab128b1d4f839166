package org.watchdogmenu.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The JSON bodies the web channels send. */
final class Bodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  /** Slack's incoming-webhook shape: {@code {"text": "..."}}, details on further lines. */
  static String slack(AlertEvent e, String hostName) {
    StringBuilder text = new StringBuilder("[watchdog-menu on " + hostName + "] " + e.headline());
    for (Map.Entry<String, String> d : e.details().entrySet()) {
      text.append('\n').append(d.getKey()).append(": ").append(d.getValue());
    }
    ObjectNode body = JSON.createObjectNode().put("text", text.toString());
    return write(body);
  }

  /**
   * The generic shape: {@code event}, {@code target}, {@code message}, {@code time} (ISO-8601 UTC),
   * {@code host}, {@code details}.
   */
  static String webhook(AlertEvent e, String hostName) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("event", e.kind().key())
            .put("target", e.target())
            .put("message", e.message())
            .put("time", e.at().truncatedTo(ChronoUnit.SECONDS).toString())
            .put("host", hostName);
    ObjectNode details = body.putObject("details");
    e.details().forEach(details::put);
    return write(body);
  }

  private static String write(ObjectNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings always serialises", e);
    }
  }
}
