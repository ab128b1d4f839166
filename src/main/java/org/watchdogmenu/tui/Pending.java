package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.function.Supplier;

/**
 * A question before an action that changes something: {@code y} does it, any other key cancels. So
 * nothing that writes runs on a single key. The question shows whole under the view, and the footer
 * offers {@code y} and {@code n} while it waits.
 */
final class Pending {
  private Supplier<Step> action;
  private String onNo;

  boolean armed() {
    return action != null;
  }

  /** Asks; the step shows the question. */
  Step ask(String question, Supplier<Step> action) {
    return ask(question, action, "Cancelled: nothing was changed (" + question + ")");
  }

  /** Asks; any key but {@code y} says {@code onNo}. */
  Step ask(String question, Supplier<Step> action, String onNo) {
    this.action = action;
    this.onNo = onNo;
    return Step.ask(question);
  }

  /** The answer: {@code y} runs the action, anything else cancels. */
  Step answer(KeyStroke key) {
    Supplier<Step> a = action;
    action = null;
    if (key.getKeyType() == KeyType.Character && key.getCharacter() == 'y') {
      return a.get();
    }
    return Step.say(onNo);
  }
}
