package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AlertKindTest {
  @Test
  void everyKindIsFoundByItsKey() {
    assertThat(Arrays.stream(AlertKind.values()).map(AlertKind::key))
        .containsExactly(
            "restart-done",
            "restart-failed",
            "limit-reached",
            "recovered",
            "check-unknown",
            "monitor-started",
            "monitor-stopped",
            "test");
    for (AlertKind kind : AlertKind.values()) {
      assertThat(AlertKind.fromKey(kind.key())).contains(kind);
    }
    assertThat(AlertKind.fromKey("RESTART_FAILED")).isEmpty();
  }

  @Test
  void onlyFailuresOpenADownEpisode() {
    assertThat(Arrays.stream(AlertKind.values()).filter(AlertKind::failure))
        .containsExactly(
            AlertKind.RESTART_FAILED, AlertKind.LIMIT_REACHED, AlertKind.CHECK_UNKNOWN);
  }
}
