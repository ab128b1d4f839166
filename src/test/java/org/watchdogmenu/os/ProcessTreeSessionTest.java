package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session of a process read from {@code /proc}; none for a process that does not exist. */
class ProcessTreeSessionTest {
  @Test
  void aLiveProcessHasASessionAndOneThatDoesNotExistHasNone() {
    assertThat(ProcessTree.sessionOf(ProcessHandle.current().pid())).isPresent();
    // above pid_max (at most 2^22 on Linux): no such process
    assertThat(ProcessTree.sessionOf(Long.MAX_VALUE)).isEmpty();
  }
}
