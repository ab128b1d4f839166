package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The form: typing, the check before a value is kept, Esc, and the check of all before submit. */
class FormViewTest {
  private final List<List<String>> submitted = new ArrayList<>();

  private FormView form() {
    return new FormView(
        "Test",
        List.of("A form"),
        List.of(
            Field.of("Port", "8080", "a port: 1 to 65535", FormViewTest::port),
            Field.of(
                "Name",
                "",
                "a name",
                v -> v.isEmpty() ? Optional.of("give a name") : Optional.empty())),
        "Save",
        values -> {
          submitted.add(values);
          return Step.say("saved");
        });
  }

  private static Optional<String> port(String v) {
    return v.matches("[0-9]{1,5}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 65535
        ? Optional.empty()
        : Optional.of("'" + v + "' is not a port: give 1 to 65535");
  }

  private static Step type(FormView f, String text) {
    Step last = Step.STAY;
    for (char c : text.toCharArray()) {
      last = f.key(c == '\n' ? new KeyStroke(KeyType.Enter) : new KeyStroke(c, false, false));
    }
    return last;
  }

  @Test
  void aValueIsCheckedBeforeItIsKept() {
    FormView f = form();
    type(f, "1");
    assertThat(f.editing()).isTrue();
    f.key(new KeyStroke('u', true, false));
    type(f, "99999\n");
    assertThat(f.refusal()).hasValue("Not kept: Port: '99999' is not a port: give 1 to 65535");
    assertThat(f.editing()).isTrue();
    f.key(new KeyStroke(KeyType.Backspace));
    assertThat(f.refusal()).as("9999 passes: the refusal goes").isEmpty();
    type(f, "\n");
    assertThat(f.editing()).isFalse();
    assertThat(f.values()).containsExactly("9999", "");
  }

  @Test
  void escDropsTheChangeAndDigitsAndQAreText() {
    FormView f = form();
    type(f, "2q1?");
    assertThat(f.body(40, 10).get(3).text()).isEqualTo("> q1?");
    assertThat(f.cursor().orElseThrow().getColumn()).isEqualTo(5);
    f.key(new KeyStroke(KeyType.Escape));
    assertThat(f.editing()).isFalse();
    f.body(40, 10);
    assertThat(f.cursor()).as("no field is typed: no cursor").isEmpty();
    assertThat(f.values()).containsExactly("8080", "");
  }

  @Test
  void submitChecksEveryFieldFirst() {
    FormView f = form();
    type(f, "3");
    assertThat(f.refusal()).hasValue("Not yet: Name: give a name");
    assertThat(submitted).isEmpty();
    type(f, "2web\n3");
    assertThat(submitted).containsExactly(List.of("8080", "web"));
  }

  @Test
  void theCursorMovesAndTextInsertsAtIt() {
    FormView f = form();
    type(f, "1");
    f.key(new KeyStroke(KeyType.Home));
    type(f, "1");
    f.key(new KeyStroke(KeyType.End));
    f.key(new KeyStroke(KeyType.ArrowLeft));
    f.key(new KeyStroke(KeyType.Delete));
    type(f, "\n");
    assertThat(f.values().get(0)).isEqualTo("1808");
  }
}
