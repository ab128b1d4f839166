package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.UserUnitRequest;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Target;

/**
 * The systemd side of a target, as its kind has it: the restart-policy drop-in of a systemd unit, a
 * user service that starts a command target at boot as its user, PM2's housekeeping and start at
 * boot. Each opens a preview; nothing is written here.
 */
final class UnitsView implements View {
  private final Session session;
  private final Target target;
  private Choices choices;

  UnitsView(Session session, Target target) {
    this.session = session;
    this.target = target;
  }

  /** Whether a target of this kind has units to offer. */
  static boolean applies(Target target) {
    ServiceSpec s = target.service();
    return s != null
        && (s.kind() == ServiceKind.SYSTEMD
            || s.kind() == ServiceKind.PM2
            || (s.kind() == ServiceKind.COMMAND && s.user() != null && !s.user().equals("root")));
  }

  @Override
  public String crumb() {
    return "Systemd units";
  }

  @Override
  public List<String> keys(Look look) {
    return choices().keys(look);
  }

  @Override
  public List<Line> body(int width, int height) {
    choices().update(items());
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of("Systemd units and boot start of " + target.id(), Tone.HEAD));
    lines.add(Line.of(""));
    int head = lines.size();
    lines.addAll(choices.lines());
    return Scroll.around(lines, choices.selected() + head, height);
  }

  @Override
  public Step key(KeyStroke key) {
    return choices().key(key);
  }

  private Choices choices() {
    if (choices == null) {
      choices = new Choices(items());
    }
    return choices;
  }

  private List<Choice> items() {
    ServiceSpec s = target.service();
    List<Choice> items = new ArrayList<>();
    switch (s.kind()) {
      case SYSTEMD ->
          items.add(
              item(
                  "Restart policy drop-in for " + s.unit() + " (and an alert when it fails)",
                  "restart-policy/" + s.unit(),
                  () -> session.installer().planner().restartPolicy(s.unit())));
      case COMMAND -> {
        String name = target.id() + ".service";
        items.add(
            item(
                "User service: start " + target.id() + " at boot as " + s.user(),
                "user-unit/" + s.user() + "/" + name,
                () ->
                    session
                        .installer()
                        .planner()
                        .userUnit(UserUnitRequest.forCommandTarget(target))));
      }
      case PM2 ->
          items.add(
              new Choice(
                  "PM2 housekeeping and start at boot for " + s.user(),
                  words("pm2-housekeeping/" + s.user()),
                  tone("pm2-housekeeping/" + s.user()),
                  null,
                  () -> Step.open(pm2Form(s.user()))));
      default -> throw new IllegalStateException("no units for " + s.kind());
    }
    return items;
  }

  private Choice item(String label, String feature, Supplier<Plan> plan) {
    return new Choice(
        label,
        words(feature),
        tone(feature),
        null,
        () -> PlanView.open(session, "Preview", null, plan, 1));
  }

  private String words(String feature) {
    return session.installer().installed(feature) ? "Installed" : "Not installed";
  }

  private Tone tone(String feature) {
    return session.installer().installed(feature) ? Tone.ON : Tone.OFF;
  }

  private FormView pm2Form(String user) {
    Field appDir =
        Field.of(
            "App folder",
            "",
            "the app's folder, e.g. /home/"
                + user
                + "/app; its logs/ older than 7 days are deleted",
            UnitsView::folderProblem);
    return new FormView(
        "PM2 housekeeping",
        List.of(
            "PM2 housekeeping for " + user + " (seed 002)",
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
                null,
                () -> session.installer().planner().pm2Housekeeping(user, values.get(0)),
                2));
  }

  private static String folderProblem(String dir) {
    if (!dir.startsWith("/") || dir.contains("..") || !dir.matches("/[A-Za-z0-9._/@+-]*")) {
      return "give an absolute folder of letters, digits and . _ / @ + -";
    }
    return null;
  }
}
