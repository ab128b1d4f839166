package org.watchdogmenu.tui;

/** How a line or a state is shown; the words always say the same, colour only repeats it. */
enum Tone {
  PLAIN,
  /** A feature that is on: cyan. */
  ON,
  /** Not configured, not available: dimmed. */
  OFF,
  /** A warning: yellow. */
  WARN,
  /** A failure: red. */
  BAD,
  /** A heading: bold. */
  HEAD
}
