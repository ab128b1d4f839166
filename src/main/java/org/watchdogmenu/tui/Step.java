package org.watchdogmenu.tui;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a key did: nothing the view knows (the loop then tries its own keys), stay, go back some
 * levels and maybe open a view, quit, or do slow work after showing that it is working.
 *
 * @param handled false when the view did not use the key
 * @param pops how many levels to go back
 * @param open the view to open after going back, if any
 * @param notice what to say under the view until the next key, if anything
 * @param quit leave the menu
 * @param work slow work to run after drawing {@code notice}; its step follows
 */
record Step(
    boolean handled,
    int pops,
    Optional<View> open,
    Optional<Notice> notice,
    boolean quit,
    Optional<Supplier<Step>> work) {
  static final Step UNHANDLED = new Step(false, 0, false);
  static final Step STAY = new Step(true, 0, false);
  static final Step BACK = new Step(true, 1, false);
  static final Step QUIT = new Step(true, 0, true);

  /** A step that opens nothing, says nothing and has no work. */
  private Step(boolean handled, int pops, boolean quit) {
    this(handled, pops, Optional.empty(), Optional.empty(), quit, Optional.empty());
  }

  /** The words of its notice, if it has one. */
  Optional<String> message() {
    return notice.map(Notice::text);
  }

  static Step say(String message) {
    return new Step(
        true, 0, Optional.empty(), Optional.of(Notice.of(message)), false, Optional.empty());
  }

  /** A question: the footer offers y and n until the next key answers it. */
  static Step ask(String question) {
    return new Step(
        true, 0, Optional.empty(), Optional.of(Notice.question(question)), false, Optional.empty());
  }

  static Step open(View view) {
    return new Step(true, 0, Optional.of(view), Optional.empty(), false, Optional.empty());
  }

  static Step back(int levels, String message) {
    return new Step(
        true, levels, Optional.empty(), Optional.of(Notice.of(message)), false, Optional.empty());
  }

  /** Goes back {@code levels} and opens {@code view}, saying nothing. */
  static Step backAndOpen(int levels, View view) {
    return new Step(true, levels, Optional.of(view), Optional.empty(), false, Optional.empty());
  }

  static Step backAndOpen(int levels, View view, String message) {
    return new Step(
        true, levels, Optional.of(view), Optional.of(Notice.of(message)), false, Optional.empty());
  }

  /** Shows {@code doing} (e.g. "Running the health check...") and then runs the work. */
  static Step work(String doing, Supplier<Step> work) {
    return new Step(
        true, 0, Optional.empty(), Optional.of(Notice.working(doing)), false, Optional.of(work));
  }
}
