package org.watchdogmenu.probe;

import java.time.Duration;

/**
 * The outcome of one probe run.
 *
 * @param message what was found, for the log: {@code SOCKS proxy test successful (port 1080)},
 *     {@code HTTP 503 from http://127.0.0.1:8080/health (expected 200)}
 * @param elapsed how long the probe took; for request probes this is the response time
 */
public record ProbeResult(Verdict verdict, String message, Duration elapsed) {

  public static ProbeResult pass(String message, Duration elapsed) {
    return new ProbeResult(Verdict.PASS, message, elapsed);
  }

  public static ProbeResult fail(String message, Duration elapsed) {
    return new ProbeResult(Verdict.FAIL, message, elapsed);
  }

  public static ProbeResult unknown(String message, Duration elapsed) {
    return new ProbeResult(Verdict.UNKNOWN, message, elapsed);
  }

  public boolean passed() {
    return verdict == Verdict.PASS;
  }
}
