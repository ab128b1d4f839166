package org.watchdogmenu.model;

import java.time.Duration;

/** The pm2 daemon answers and the app is online (app and user default to the service's). */
@ProbeType("pm2")
public record Pm2ProbeSpec(String name, Duration timeout, String app, String user)
    implements ProbeSpec {
  public Pm2ProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
  }

  @Override
  public String label() {
    return name != null ? name : "pm2 app " + app;
  }
}
