package org.watchdogmenu.model;

/**
 * Who a restart in a target's history was by: a {@link RestartSource}, or a word this version does
 * not know (written by hand or by another version), which is still a restart: it counts against the
 * cap and the cooldown and is written back as it was.
 */
public sealed interface RecordedSource permits RestartSource, RecordedSource.Other {
  /** The state file's word. */
  String word();

  /** The source a state file's word names; any other word of 1 to 16 letters is kept as such. */
  static RecordedSource ofWord(String word) {
    return RestartSource.ofWord(word).<RecordedSource>map(s -> s).orElseGet(() -> new Other(word));
  }

  /** A word that names none of this version's sources. */
  record Other(String word) implements RecordedSource {
    public Other {
      if (!word.matches("[a-z]{1,16}")) {
        throw new IllegalArgumentException("not a restart source word: " + word);
      }
    }

    @Override
    public String toString() {
      return word;
    }
  }
}
