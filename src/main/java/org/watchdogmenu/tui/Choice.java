package org.watchdogmenu.tui;

import java.util.function.Supplier;

/**
 * One numbered menu item.
 *
 * @param label what it is, e.g. {@code Health check (auto-restart)}
 * @param state its state in words, or null, e.g. {@code Every 5 minutes}
 * @param stateTone how the state is shown
 * @param disabled why it cannot be picked, or null when it can
 * @param action what picking it does
 */
record Choice(String label, String state, Tone stateTone, String disabled, Supplier<Step> action) {
  static Choice of(String label, Supplier<Step> action) {
    return new Choice(label, null, Tone.PLAIN, null, action);
  }

  static Choice disabled(String label, String why) {
    return new Choice(label, null, Tone.OFF, why, () -> Step.say(why));
  }
}
