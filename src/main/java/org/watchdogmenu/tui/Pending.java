package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.function.Supplier;

/**
 * A question before an action that changes something: {@code y} does it, any other key cancels. So
 * nothing that writes runs on a single key.
 */
final class Pending {
  private String question;
  private Supplier<Step> action;

  boolean armed() {
    return action != null;
  }

  /** Asks; the step shows the question in the message row. */
  Step ask(String question, Supplier<Step> action) {
    this.question = question;
    this.action = action;
    return Step.say(question + " Press y to go ahead, any other key cancels.");
  }

  /** The answer: {@code y} runs the action, anything else cancels. */
  Step answer(KeyStroke key) {
    Supplier<Step> a = action;
    action = null;
    if (key.getKeyType() == KeyType.Character && key.getCharacter() == 'y') {
      return a.get();
    }
    return Step.say("Cancelled: nothing was changed (" + question + ")");
  }
}
