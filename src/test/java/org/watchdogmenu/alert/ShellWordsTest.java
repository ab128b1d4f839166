package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command line typed as one line, split as a shell would without running one, and back. */
class ShellWordsTest {
  @Test
  void blanksSeparateAndQuotesKeepWords() {
    assertThat(
            ShellWords.split(
                "/usr/bin/logger  -t watchdog-menu '{target} {event}: {message}'\tx\"y z\""))
        .containsExactly(
            "/usr/bin/logger", "-t", "watchdog-menu", "{target} {event}: {message}", "xy z");
  }

  @Test
  void nothingIsExpandedAndBackslashesKeepTheNextCharacter() {
    assertThat(ShellWords.split("echo $HOME * a\\ b \"q\\\"uote\" 'it'\\''s' ''"))
        .containsExactly("echo", "$HOME", "*", "a b", "q\"uote", "it's", "");
  }

  @Test
  void mistakesAreOneLine() {
    assertThatThrownBy(() -> ShellWords.split("mail -s 'subject"))
        .hasMessage("a single quote is not closed");
    assertThatThrownBy(() -> ShellWords.split("mail \"x"))
        .hasMessage("a double quote is not closed");
    assertThatThrownBy(() -> ShellWords.split("mail x\\"))
        .hasMessageStartingWith("the command ends with a backslash");
    assertThatThrownBy(() -> ShellWords.split("mail\nrm -rf /"))
        .hasMessageStartingWith("the command holds a control character");
  }

  @Test
  void joinedWordsSplitBackToTheSameWords() {
    List<String> argv =
        List.of(
            "/bin/sh", "-c", "printf '%s\\n' \"$WATCHDOG_MESSAGE\" | mail", "{message}", "it's");
    String line = ShellWords.join(argv);
    assertThat(ShellWords.split(line)).isEqualTo(argv);
    assertThat(ShellWords.join(List.of("/usr/bin/logger", "{target} {event}: {message}")))
        .isEqualTo("/usr/bin/logger '{target} {event}: {message}'");
    assertThat(ShellWords.quote("a 'b' c")).isEqualTo("\"a 'b' c\"");
  }
}
