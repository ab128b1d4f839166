package org.watchdogmenu.tui;

import java.util.List;
import java.util.Optional;
import org.watchdogmenu.alert.AlertSecrets;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.alert.NewChannel;
import org.watchdogmenu.os.ConfigException;

/**
 * Adds an alert channel: pick its kind, fill in the form (each field checked with the alert
 * loader's own rules, a webhook address listed masked), then the preview of alerts.yaml with its
 * secrets masked. Nothing is written here.
 */
final class AddChannelView extends MenuView {
  private final Session session;

  AddChannelView(Session session) {
    this.session = session;
  }

  @Override
  public String crumb() {
    return "Add a channel";
  }

  @Override
  List<Line> head() {
    return List.of(Line.of("What kind of channel?", Tone.HEAD), Line.of(""));
  }

  @Override
  List<Choice> items() {
    return List.of(
        Choice.of(
            "Slack-compatible webhook (Slack, Mattermost, Rocket.Chat)",
            () -> Step.open(form(NewChannel.Kind.SLACK))),
        Choice.of(
            "JSON webhook (event, target, message, time, host)",
            () -> Step.open(form(NewChannel.Kind.WEBHOOK))),
        Choice.of(
            "Command (a program run without a shell)",
            () -> Step.open(form(NewChannel.Kind.COMMAND))));
  }

  private FormView form(NewChannel.Kind kind) {
    List<String> taken = names();
    Field name =
        Field.of(
            "Name",
            "",
            "a name for results and logs, e.g. ops-slack",
            v ->
                taken.contains(v)
                    ? Optional.of("a channel named '" + v + "' exists already: pick another name")
                    : NewChannel.nameProblem(v));
    Field address =
        kind == NewChannel.Kind.COMMAND
            ? Field.of(
                "Command",
                "",
                "one line, split into words as a shell would (no shell runs), e.g."
                    + " /usr/bin/logger -t watchdog-menu '{target} {event}: {message}'",
                v -> NewChannel.addressProblem(kind, v))
            : Field.of(
                    "URL",
                    "",
                    "the webhook's address, https://HOST/PATH; it is a secret, so the form"
                        + " lists it masked",
                    v -> NewChannel.addressProblem(kind, v))
                .masked(AlertSecrets::addresses);
    Field timeout =
        Field.of(
            "Timeout",
            "5s",
            "the longest a send may take, e.g. 5s, 10s, 1m",
            NewChannel::timeoutProblem);
    boolean command = kind == NewChannel.Kind.COMMAND;
    List<Field> fields =
        command
            ? List.of(
                name,
                address,
                Field.of(
                        "Environment (secrets)",
                        "",
                        "NAME=VALUE words, e.g. TOKEN=...; the command gets them in its"
                            + " environment, never in its arguments, and they are listed masked",
                        NewChannel::envProblem)
                    .masked(NewChannel::maskedEnv),
                timeout)
            : List.of(name, address, timeout);
    return new FormView(
        kind.words(),
        List.of(intro(kind), "Saved to alerts.yaml (0600 root) after a preview."),
        fields,
        "Preview the change",
        v ->
            PlanView.open(
                session,
                "Add channel",
                () ->
                    session
                        .installer()
                        .planner()
                        .alertChannel(
                            new NewChannel(
                                kind,
                                v.get(0),
                                v.get(1),
                                NewChannel.timeout(v.get(v.size() - 1)),
                                command ? NewChannel.env(v.get(2)) : null)),
                3));
  }

  private static String intro(NewChannel.Kind kind) {
    return switch (kind) {
      case SLACK -> "An incoming webhook: Slack, Mattermost, Rocket.Chat.";
      case WEBHOOK -> "Any address that takes JSON alerts.";
      case COMMAND ->
          "A program; {target}, {message}... are filled in; secrets go in its environment.";
      case ALERTMANAGER -> "Prometheus Alertmanager: a failure fires, a recovery resolves.";
    };
  }

  /** The channels there are now; none when alerts.yaml does not load (the plan then says why). */
  private List<String> names() {
    try {
      return Alerts.load(session.host()).channels();
    } catch (ConfigException e) {
      return List.of();
    }
  }

  @Override
  public List<String> help() {
    return List.of(
        "Pick the kind of alert channel to add; a form follows, each field checked with "
            + "the alert loader's own rules. The preview of alerts.yaml shows its secrets "
            + "masked; nothing is written before a, then y.");
  }
}
