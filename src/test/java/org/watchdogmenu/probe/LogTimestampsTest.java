package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogTimestampsTest {
  private final LogTimestamps utc =
      new LogTimestamps(ZoneId.of("UTC"), Instant.parse("2025-02-14T10:30:00Z"));

  private Optional<Instant> at(String line) {
    return utc.parse(line);
  }

  @Test
  void readsIsoTimesWithAndWithoutBracketsAndOffsets() {
    Instant t = Instant.parse("2025-02-14T10:30:00Z");
    assertThat(at("2025-02-14T10:30:00Z error")).contains(t);
    assertThat(at("[2025-02-14T10:30:00Z] === Health Check Start ===")).contains(t);
    assertThat(at("2025-02-14 10:30:00 ERROR x")).contains(t);
    assertThat(at("2025-02-14 10:30:00,123 ERROR x")).contains(t);
    assertThat(at("2025-02-14T10:30:00.250Z x")).contains(t.plusMillis(250));
    assertThat(at("2025-02-14T11:30:00+0100 host unit[1]: x")).contains(t);
    assertThat(at("2025-02-14T11:30:00+01:00 x")).contains(t);
  }

  @Test
  void readsTimesWithoutAnOffsetInTheGivenZone() {
    LogTimestamps berlin =
        new LogTimestamps(ZoneId.of("Europe/Berlin"), Instant.parse("2025-02-14T10:30:00Z"));
    assertThat(berlin.parse("2025-02-14 11:30:00 x"))
        .contains(Instant.parse("2025-02-14T10:30:00Z"));
  }

  @Test
  void readsSyslogTimesInTheYearThatIsNotInTheFuture() {
    assertThat(at("Feb 14 10:30:00 host sshd[1]: x"))
        .contains(Instant.parse("2025-02-14T10:30:00Z"));
    assertThat(at("Feb  4 09:00:00 host x")).contains(Instant.parse("2025-02-04T09:00:00Z"));
    assertThat(at("Dec 31 23:59:59 host x")).contains(Instant.parse("2024-12-31T23:59:59Z"));
  }

  @Test
  void linesWithoutATimestampHaveNone() {
    assertThat(at("    at com.example.Main.run(Main.java:10)")).isEmpty();
    assertThat(at("Traceback (most recent call last):")).isEmpty();
    assertThat(at("2025-13-45T99:00:00Z nonsense")).isEmpty();
  }
}
