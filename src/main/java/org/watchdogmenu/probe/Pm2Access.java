package org.watchdogmenu.probe;

import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.os.Pm2;

/** The pm2 of a target's service: its binary and user, unless a probe names another user. */
final class Pm2Access {
  private Pm2Access() {}

  static Pm2 of(ProbeContext context, String user) {
    ServiceSpec service = context.target().service();
    String binary = service == null ? "pm2" : service.pm2();
    String who = user != null ? user : service == null ? null : service.user();
    return new Pm2(context.host(), binary, who);
  }

  /** The app a probe means: its own setting, else the service's app. */
  static String app(ProbeContext context, String app) {
    if (app != null) {
      return app;
    }
    ServiceSpec service = context.target().service();
    return service == null ? null : service.app();
  }
}
