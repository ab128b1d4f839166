package org.watchdogmenu.tui;

import java.util.function.Supplier;

/**
 * What a key did: nothing the view knows (the loop then tries its own keys), stay, go back some
 * levels and maybe open a view, quit, or do slow work after showing that it is working.
 *
 * @param handled false when the view did not use the key
 * @param pops how many levels to go back
 * @param open the view to open after going back, or null
 * @param notice what to say under the view until the next key, or null
 * @param quit leave the menu
 * @param work slow work to run after drawing {@code notice}; its step follows, or null
 */
record Step(
    boolean handled, int pops, View open, Notice notice, boolean quit, Supplier<Step> work) {
  static final Step UNHANDLED = new Step(false, 0, null, null, false, null);
  static final Step STAY = new Step(true, 0, null, null, false, null);
  static final Step BACK = new Step(true, 1, null, null, false, null);
  static final Step QUIT = new Step(true, 0, null, null, true, null);

  /** The words of its notice, or null. */
  String message() {
    return notice == null ? null : notice.text();
  }

  static Step say(String message) {
    return new Step(true, 0, null, Notice.of(message), false, null);
  }

  /** A question: the footer offers y and n until the next key answers it. */
  static Step ask(String question) {
    return new Step(true, 0, null, Notice.question(question), false, null);
  }

  static Step open(View view) {
    return new Step(true, 0, view, null, false, null);
  }

  static Step back(int levels, String message) {
    return new Step(true, levels, null, Notice.of(message), false, null);
  }

  static Step backAndOpen(int levels, View view, String message) {
    return new Step(true, levels, view, Notice.of(message), false, null);
  }

  /** Shows {@code doing} (e.g. "Running the health check...") and then runs the work. */
  static Step work(String doing, Supplier<Step> work) {
    return new Step(true, 0, null, Notice.working(doing), false, work);
  }
}
