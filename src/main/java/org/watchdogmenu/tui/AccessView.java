package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.watchdogmenu.install.FeatureKey;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.UserUnitRequest;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;

/**
 * Who may act on a target and what keeps it running across boots: the sudoers grant, linger for the
 * service's user, and the units its kind can have (the restart-policy drop-in of a systemd unit, a
 * user service that starts a command target at boot, PM2's housekeeping and start at boot). Each
 * opens a form or a preview; linger that is on previews turning it off, and an installed drop-in or
 * user service gets an item that previews its removal. Nothing is written here.
 */
final class AccessView extends MenuView {
  static final String TITLE = "Sudoers, linger and systemd units";

  private final Session session;
  private final Target target;

  AccessView(Session session, Target target) {
    this.session = session;
    this.target = target;
  }

  @Override
  public String crumb() {
    return "Access and boot";
  }

  @Override
  List<Line> head() {
    return List.of(Line.of(TITLE + " of " + target.id(), Tone.HEAD), Line.of(""));
  }

  @Override
  List<Choice> items() {
    List<Choice> items = new ArrayList<>();
    items.add(sudoers());
    items.add(linger());
    ServiceSpec s = target.service();
    if (s == null) {
      return items;
    }
    try {
      units(s, items);
    } catch (InstallException e) {
      // a name the installer refuses, or its records unreadable: said in one line, not a crash
      items.add(Choice.disabled("Units of " + target.id(), e.getMessage()));
    }
    return items;
  }

  /** The units the service's kind can have, each with whether watchdog-menu installed it. */
  private void units(ServiceSpec s, List<Choice> items) {
    if (s instanceof SystemdService systemd) {
      String u = systemd.unit();
      FeatureKey dropIn = FeatureKey.restartPolicy(u);
      items.add(
          item(
              "Restart policy drop-in for " + u + " (and an alert when it fails)",
              dropIn,
              preview(() -> session.installer().planner().restartPolicy(u))));
      if (session.installer().installed(dropIn)) {
        items.add(
            Choice.of(
                "Remove the restart policy drop-in for " + u,
                preview(() -> session.installer().planner().removeRestartPolicy(u))));
      }
    } else if (s instanceof Pm2Service pm2) {
      items.add(
          item(
              "PM2 housekeeping and start at boot for " + pm2.user(),
              FeatureKey.pm2Housekeeping(pm2.user()),
              () -> Step.open(pm2Form(pm2.user()))));
    } else if (s instanceof CommandService && ownUser(s).isPresent()) {
      String user = ownUser(s).get();
      FeatureKey unit = FeatureKey.userUnit(user, target.id());
      items.add(
          item(
              "User service: start " + target.id() + " at boot as " + user,
              unit,
              preview(
                  () ->
                      session
                          .installer()
                          .planner()
                          .userUnit(UserUnitRequest.forCommandTarget(target)))));
      if (session.installer().installed(unit)) {
        items.add(
            Choice.of(
                "Remove the user service " + target.id() + " of " + user,
                preview(() -> session.installer().planner().removeUserUnit(user, target.id()))));
      }
    }
  }

  /** The account of its own the service runs as (not root), if any. */
  private static Optional<String> ownUser(ServiceSpec s) {
    return s == null ? Optional.empty() : s.account().filter(u -> !u.equals("root"));
  }

  private Choice sudoers() {
    String label = "Sudoers (check and restart without a password)";
    List<String> invocations;
    try {
      invocations = session.installer().planner().sudoersInvocations(target);
    } catch (InstallException e) {
      // the commands a grant would name cannot be written here (e.g. a --root sudo refuses)
      return Choice.disabled(label, e.getMessage());
    }
    String who = SudoersForm.words(session, target);
    return new Choice(
        label,
        who,
        who.equals(SudoersForm.NO_ONE) ? Tone.OFF : Tone.ON,
        null,
        () -> Step.open(SudoersForm.of(session, target, invocations)));
  }

  private Choice linger() {
    Optional<String> own = ownUser(target.service());
    if (own.isEmpty()) {
      return Choice.disabled(
          "Linger (keep a user's services running)",
          "the service of " + target.id() + " does not run as a user of its own");
    }
    String user = own.get();
    boolean on = session.installer().lingerEnabled(user);
    return new Choice(
        "Linger for " + user + " (keep the user's services running)",
        on ? "On" : "Off",
        on ? Tone.ON : Tone.OFF,
        null,
        () ->
            PlanView.open(
                session,
                "Linger",
                () ->
                    on
                        ? session.installer().planner().lingerOff(user)
                        : session.installer().planner().linger(user),
                1));
  }

  /** An item whose state is whether watchdog-menu has installed the feature's files. */
  private Choice item(String label, FeatureKey feature, Supplier<Step> action) {
    boolean installed = session.installer().installed(feature);
    return new Choice(
        label,
        installed ? "Installed" : "Not installed",
        installed ? Tone.ON : Tone.OFF,
        null,
        action);
  }

  private Supplier<Step> preview(Supplier<Plan> plan) {
    return () -> PlanView.open(session, "Preview", plan, 1);
  }

  private FormView pm2Form(String user) {
    Field appDir =
        Field.of(
            "App folder",
            "",
            "the app's folder, e.g. /home/"
                + user
                + "/app; its logs/ older than 7 days are deleted",
            AccessView::folderProblem);
    return new FormView(
        "PM2 housekeeping",
        List.of(
            "PM2 housekeeping for " + user + " (resurrect at boot, hourly save, old logs)",
            "A cron file: pm2 resurrect at boot, pm2 save hourly, app logs older than 7 days"
                + " deleted daily, a warning when / is over 80% full; and pm2 startup for "
                + user
                + "."),
        List.of(appDir),
        "Preview",
        values ->
            PlanView.open(
                session,
                "Preview",
                () -> session.installer().planner().pm2Housekeeping(user, values.get(0)),
                2));
  }

  private static Optional<String> folderProblem(String dir) {
    if (!dir.startsWith("/") || dir.contains("..") || !dir.matches("/[A-Za-z0-9._/@+-]*")) {
      return Optional.of("give an absolute folder of letters, digits and . _ / @ + -");
    }
    return Optional.empty();
  }

  @Override
  public List<String> help() {
    return List.of(
        "Who may act on this target and what keeps it running across boots: the sudoers "
            + "grant (exact commands, no other arguments), linger for the service's user, and "
            + "the systemd units its kind can have.",
        "The words in [brackets] say what is installed; each item opens a form or a "
            + "preview and nothing is written before a, then y. visudo and systemd-analyze "
            + "check every file first.");
  }
}
