package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bash completion made from the model ({@link CompletionIT}: sourced and asked by a real bash).
 */
class CompletionTest {
  @Test
  void scriptHasNoInterpreterLine() {
    assertThat(Docs.completion()).doesNotStartWith("#!").contains("complete -F");
  }
}
