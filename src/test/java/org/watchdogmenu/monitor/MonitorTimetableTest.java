package org.watchdogmenu.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.os.MutableClock;

class MonitorTimetableTest {
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final Timetable timetable = new Timetable();

  @Test
  void eachTargetIsDueAtItsOwnInterval() {
    timetable.follow(Map.of("fast", Duration.ofSeconds(10), "slow", Duration.ofSeconds(30)), now());
    assertThat(timetable.take(now())).containsExactly("fast", "slow");
    assertThat(timetable.take(now())).isEmpty();
    int fast = 0;
    int slow = 0;
    for (int s = 0; s < 60; s++) {
      clock.advance(Duration.ofSeconds(1));
      for (String id : timetable.take(now())) {
        if (id.equals("fast")) {
          fast++;
        } else {
          slow++;
        }
      }
    }
    assertThat(fast).isEqualTo(6);
    assertThat(slow).isEqualTo(2);
  }

  @Test
  void theNextTurnIsTheEarliestDueTime() {
    timetable.follow(Map.of("a", Duration.ofSeconds(10), "b", Duration.ofSeconds(30)), now());
    timetable.take(now());
    assertThat(timetable.nextTurn()).contains(now().plusSeconds(10));
  }

  @Test
  void reloadAddsNewTargetsAtOnceForgetsRemovedOnesAndHonoursAShorterInterval() {
    timetable.follow(Map.of("a", Duration.ofSeconds(60), "b", Duration.ofSeconds(60)), now());
    timetable.take(now());
    clock.advance(Duration.ofSeconds(5));
    timetable.follow(Map.of("a", Duration.ofSeconds(10), "c", Duration.ofSeconds(60)), now());
    assertThat(timetable.take(now())).containsExactly("c");
    clock.advance(Duration.ofSeconds(10));
    assertThat(timetable.take(now())).containsExactly("a");
    clock.advance(Duration.ofSeconds(60));
    assertThat(timetable.take(now())).doesNotContain("b");
  }

  @Test
  void nothingFollowedHasNoNextTurn() {
    assertThat(timetable.nextTurn()).isEmpty();
    assertThat(timetable.take(now())).isEmpty();
  }

  private Instant now() {
    return clock.instant();
  }
}
