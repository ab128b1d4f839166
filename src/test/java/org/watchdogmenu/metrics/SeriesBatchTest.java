package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/**
 * The monitor's series wait in memory and are written once per flush, with the same textfile as one
 * write per check; the state file keeps its JSON, read and written without a mapper.
 */
class SeriesBatchTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");

  @TempDir Path batched;
  @TempDir Path direct;

  private static CheckSample check(boolean up) {
    return new CheckSample(
        T0,
        up,
        !up,
        false,
        List.of(new ProbeTiming("say \"hi\"\\now\nnext", "command", Duration.ofMillis(7))));
  }

  private static Host host(Path root) {
    return TestHosts.scripted(root, new ScriptedCommandRunner(), new MutableClock(T0));
  }

  private static Path textfile(Path root) {
    return root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu.prom");
  }

  @Test
  void aFlushWritesWhatEachCheckWouldHaveWritten() throws Exception {
    SeriesBatch batch = new SeriesBatch();
    Metrics later = Metrics.load(host(batched)).batchedIn(batch);
    Metrics now = Metrics.load(host(direct));
    for (Metrics m : List.of(later, now)) {
      assertThat(m.afterCheck("web", check(false))).isEmpty();
      assertThat(m.afterRestart("web", new RestartSample(T0, RestartSource.HEALTH, true, false)))
          .isEmpty();
      assertThat(m.afterCheck("web", check(true))).isEmpty();
      assertThat(m.afterCheck("api", check(true))).isEmpty();
    }
    assertThat(textfile(batched)).doesNotExist();
    assertThat(batch.isEmpty()).isFalse();

    assertThat(batch.flush()).isEmpty();

    assertThat(batch.isEmpty()).isTrue();
    assertThat(Files.readString(textfile(batched))).isEqualTo(Files.readString(textfile(direct)));
    assertThat(Files.readString(textfile(batched)))
        .contains("watchdog_restarts_total{target=\"web\",source=\"health\"} 1");
  }

  @Test
  void anUnchangedTextfileIsNotWrittenAgain() throws Exception {
    Metrics m = Metrics.load(host(direct));
    m.afterCheck("web", check(true));
    Path prom = textfile(direct);
    Object before = Files.getAttribute(prom, "unix:ino");
    m.afterCheck("web", check(true));
    assertThat(Files.getAttribute(prom, "unix:ino")).isEqualTo(before);
  }

  @Test
  void stateWrittenByTheMapperBeforeReadsTheSame() throws Exception {
    Map<String, TargetSeries> all = new TreeMap<>();
    all.put(
        "web",
        new TargetSeries(1, 3, Map.of("cron", 2L), Map.of("HTTP \"x\"\n", 4.2e-5), 1, 1739529000L));
    all.put("new", TargetSeries.NEW);
    String byMapper = new ObjectMapper().writeValueAsString(all);

    assertThat(SeriesJson.read(byMapper)).isEqualTo(all);
    assertThat(SeriesJson.read(SeriesJson.write(all))).isEqualTo(all);
    assertThat(
            new ObjectMapper()
                .<TreeMap<String, TargetSeries>>readValue(
                    SeriesJson.write(all), new TypeReference<TreeMap<String, TargetSeries>>() {}))
        .isEqualTo(all);
  }
}
