package org.watchdogmenu.probe;

import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.os.Pm2;

/** The pm2 of a target's service: its binary and user, unless a probe names another user. */
final class Pm2Access {
  private Pm2Access() {}

  static Pm2 of(ProbeContext context, String user) {
    ServiceSpec service = context.target().service();
    String binary = service instanceof Pm2Service p ? p.pm2() : "pm2";
    String who = user != null ? user : service == null ? null : service.account().orElse(null);
    return new Pm2(context.host(), binary, who);
  }

  /** The app a probe means: its own setting, else the service's app. */
  static String app(ProbeContext context, String app) {
    if (app != null) {
      return app;
    }
    return context.target().service() instanceof Pm2Service p ? p.app() : null;
  }
}
