package org.watchdogmenu.alert;

import java.time.Duration;

/**
 * What became of an alert on one channel.
 *
 * @param channel the channel's name, e.g. {@code slack hooks.slack.com} (never its secret)
 * @param detail {@code HTTP 200}, {@code exit 0}, or why it failed
 */
public record ChannelResult(String channel, boolean delivered, String detail, Duration elapsed) {

  /** One line for a log: {@code slack hooks.slack.com: delivered (HTTP 200, 35ms)}. */
  public String line() {
    return channel
        + ": "
        + (delivered ? "delivered" : "NOT delivered")
        + " ("
        + detail
        + ", "
        + elapsed.toMillis()
        + "ms)";
  }
}
