package org.watchdogmenu.tui;

/**
 * What the menu says under the current view until the next key: a result, a problem, a question
 * waiting for y or n, or work going on. Drawn whole in a panel at the bottom of the box, folded to
 * the width; never cut.
 *
 * @param text what it says; it may hold several lines
 * @param kind how it is shown and which keys the footer offers
 */
record Notice(String text, Kind kind) {
  /** What a notice is. */
  enum Kind {
    /** A result or a hint. */
    INFO,
    /** Something was refused or failed: shown in red. */
    PROBLEM,
    /** A question: y goes ahead, any other key cancels; the footer says so. */
    QUESTION,
    /** Slow work has started (drawn before it runs). */
    WORKING
  }

  /** A notice of the kind its words show ("Not ...", "Cannot ...", "Failed ..." are problems). */
  static Notice of(String text) {
    boolean problem =
        text.startsWith("Not ") || text.startsWith("Cannot") || text.startsWith("Failed");
    return new Notice(text, problem ? Kind.PROBLEM : Kind.INFO);
  }

  static Notice question(String text) {
    return new Notice(text, Kind.QUESTION);
  }

  static Notice working(String text) {
    return new Notice(text, Kind.WORKING);
  }

  Tone tone() {
    return switch (kind) {
      case PROBLEM -> Tone.BAD;
      case QUESTION -> Tone.HEAD;
      default -> Tone.PLAIN;
    };
  }
}
