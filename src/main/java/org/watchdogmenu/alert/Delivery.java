package org.watchdogmenu.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Alerts#notify} did with one event: sent it (or a reminder of it), held it back as a
 * repeat, or had nowhere to send it; and each channel's result.
 *
 * @param reason why, for the log: {@code already sent at 2025-02-14T10:30:00Z (one restart-failed
 *     per 1 hour)}
 */
public record Delivery(
    AlertEvent event, Status status, String reason, List<ChannelResult> results) {

  /** How the event was handled. */
  public enum Status {
    SENT,
    REMINDER_SENT,
    SUPPRESSED,
    NO_CHANNELS
  }

  public Delivery {
    results = List.copyOf(results);
  }

  /** Whether at least one channel took the alert. */
  public boolean delivered() {
    return results.stream().anyMatch(ChannelResult::delivered);
  }

  /** Lines for the engine's log: one for the decision, one per channel. */
  public List<String> logLines() {
    List<String> lines = new ArrayList<>();
    String what = "Alert " + event.kind().key() + " for " + event.target();
    switch (status) {
      case SUPPRESSED:
        lines.add(what + " suppressed: " + reason);
        break;
      case NO_CHANNELS:
        lines.add(what + " not sent: " + reason);
        break;
      default:
        lines.add(
            what
                + (status == Status.REMINDER_SENT ? " (reminder)" : "")
                + (delivered() ? " sent" : " FAILED on every channel")
                + ": "
                + reason);
        results.forEach(r -> lines.add("Alert channel " + r.line()));
    }
    return lines;
  }
}
