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
 * @param key the letter that picks it, for an item whose place must not move when the numbered
 *     items before it change (e.g. {@code m} for the monitor on the first screen); 0 for a number
 */
record Choice(
    String label, String state, Tone stateTone, String disabled, Supplier<Step> action, char key) {
  Choice(String label, String state, Tone stateTone, String disabled, Supplier<Step> action) {
    this(label, state, stateTone, disabled, action, (char) 0);
  }

  /** The same item, picked by {@code letter} instead of a number. */
  Choice withKey(char letter) {
    return new Choice(label, state, stateTone, disabled, action, letter);
  }

  static Choice of(String label, Supplier<Step> action) {
    return new Choice(label, null, Tone.PLAIN, null, action);
  }

  static Choice disabled(String label, String why) {
    return new Choice(label, null, Tone.OFF, why, () -> Step.say(why));
  }
}
