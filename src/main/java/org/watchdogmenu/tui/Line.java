package org.watchdogmenu.tui;

/**
 * One line of a view's body.
 *
 * @param text what it says
 * @param tone how the text is shown
 * @param state words after the text, in square brackets, shown in {@code stateTone}; or null
 * @param selected drawn in reverse video (the highlighted menu item)
 */
record Line(String text, Tone tone, String state, Tone stateTone, boolean selected) {
  static Line of(String text) {
    return new Line(text, Tone.PLAIN, null, Tone.PLAIN, false);
  }

  static Line of(String text, Tone tone) {
    return new Line(text, tone, null, Tone.PLAIN, false);
  }
}
