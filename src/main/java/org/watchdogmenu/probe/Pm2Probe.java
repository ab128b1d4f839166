package org.watchdogmenu.probe;

import java.util.Optional;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Pm2ProbeSpec;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Pm2;

/**
 * The pm2 daemon of the user runs and the app is {@code online}. The daemon is checked from its pid
 * file first, because any pm2 command would start a new, empty daemon; a pid file that may not be
 * read (a link, a FIFO, no pid in it) is UNKNOWN in one line. pm2 not installed is UNKNOWN; a
 * daemon that does not answer {@code jlist} in time is FAIL. pm2's process list carries the apps'
 * environment, which is never logged: only name, status and pid are used.
 */
final class Pm2Probe implements Probe {
  private final Pm2ProbeSpec spec;

  Pm2Probe(Pm2ProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    String app = Fields.required(Pm2Access.app(context, spec.app()), "pm2", "app", "codebox");
    Pm2 pm2 = Pm2Access.of(context, spec.user());
    Pm2.Daemon daemon = pm2.daemon();
    if (daemon.status() == Pm2.Daemon.Status.REFUSED) {
      return ProbeResult.unknown(daemon.detail(), watch.elapsed());
    }
    if (!daemon.running()) {
      return ProbeResult.fail(
          "PM2 daemon is not running"
              + owner(context)
              + (daemon.detail() == null ? "" : ": " + daemon.detail()),
          watch.elapsed());
    }
    Pm2.Listing listing = pm2.list(spec.timeout());
    if (listing.outcome() == CommandResult.Outcome.NOT_STARTED) {
      return ProbeResult.unknown("pm2 not found: " + listing.problem(), watch.elapsed());
    }
    if (listing.outcome() == CommandResult.Outcome.TIMED_OUT) {
      return ProbeResult.fail(
          "PM2 daemon did not answer within " + Durations.format(spec.timeout()), watch.elapsed());
    }
    if (!listing.ok()) {
      return ProbeResult.unknown(listing.problem(), watch.elapsed());
    }
    Optional<Pm2.App> found = listing.app(app);
    if (found.isEmpty()) {
      return ProbeResult.fail("pm2 app " + app + " is not in pm2's list", watch.elapsed());
    }
    Pm2.App a = found.get();
    if (!a.online()) {
      return ProbeResult.fail("pm2 app " + app + " is " + a.status(), watch.elapsed());
    }
    return ProbeResult.pass(
        "pm2 app " + app + " is online (pid " + a.pid() + ", " + a.restarts() + " restarts)",
        watch.elapsed());
  }

  private String owner(ProbeContext context) {
    String user = spec.user();
    if (user == null && context.target().service() != null) {
      user = context.target().service().account().orElse(null);
    }
    return user == null ? "" : " (user " + user + ")";
  }
}
