package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.os.ConfigException;

/**
 * The alert channels, one item each (addresses masked); picking one previews alerts.yaml without
 * it, every other channel and setting kept.
 */
final class RemoveChannelView extends MenuView {
  private final Session session;

  RemoveChannelView(Session session) {
    this.session = session;
  }

  /** The Monitor screen's item: disabled, with the reason, when there is nothing to remove. */
  static Choice choice(Session session) {
    String label = "Remove a channel";
    try {
      if (AlertsEdit.channels(session.host().root()).isEmpty()) {
        return Choice.disabled(label, "no channels yet in " + AlertsEdit.PATH);
      }
    } catch (ConfigException e) {
      return Choice.disabled(label, e.getMessage());
    }
    return Choice.of(label, () -> Step.open(new RemoveChannelView(session)));
  }

  @Override
  public String crumb() {
    return "Remove a channel";
  }

  @Override
  List<Line> head() {
    return List.of(
        Line.of("Pick the channel to remove (the preview shows the file without it):", Tone.HEAD),
        Line.of(""));
  }

  @Override
  List<Choice> items() {
    List<Choice> items = new ArrayList<>();
    List<AlertsEdit.Listed> channels;
    try {
      channels = AlertsEdit.channels(session.host().root());
    } catch (ConfigException e) {
      return List.of(Choice.disabled("No channel can be removed", e.getMessage()));
    }
    for (AlertsEdit.Listed c : channels) {
      items.add(
          Choice.of(
              c.name() + ": " + c.words(),
              () ->
                  PlanView.open(
                      session,
                      "Preview",
                      () -> session.installer().planner().removeAlertChannel(c.name()),
                      2)));
    }
    if (items.isEmpty()) {
      items.add(Choice.disabled("No channels left", "no channels in " + AlertsEdit.PATH));
    }
    return items;
  }
}
