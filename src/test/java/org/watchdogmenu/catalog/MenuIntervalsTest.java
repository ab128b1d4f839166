package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchdogmenu.model.CronInterval;
import org.watchdogmenu.os.HostRoot;

/**
 * The intervals a menu offers: only what cron can run, refused at load otherwise; the shared lists
 * of {@code menus/_defaults.yaml} unless a menu lists its own.
 */
class MenuIntervalsTest {
  private static final String HEAD = "system: demo\ntitle: Demo\ndescription: d\norder: 1\n";
  private static final String TAIL = "templates:\n  - id: demo-app\n";
  private static final String DEFAULTS =
      "health_intervals: [{every: 5m, label: shared, recommended: true}]\n"
          + "restart_intervals: [{every: 2h, label: shared restart}]\n";

  @TempDir Path root;

  @ParameterizedTest
  @CsvSource({
    "90m, 90m",
    "30s, 30s",
    "2d, 2d",
    "25h, 25h",
    "0m, 0s",
    "1500ms, 1500ms",
  })
  void anIntervalCronCannotRunIsRefusedAtLoadInOneLine(String every, String shown) {
    String menu =
        HEAD
            + "health_intervals:\n  - every: 5m\n    label: ok\n  - every: "
            + every
            + "\n    label: odd\nrestart_intervals: [{every: 1h, label: ok}]\n"
            + TAIL;

    Catalog catalog = load(new NamedText("menus/demo.yaml", menu));

    assertThat(catalog.problems())
        .extracting(Problem::message)
        .containsExactly(
            "menus/demo.yaml line 8: 'health_intervals[1].every' must be 1 to 59 minutes (5m) or 1"
                + " to 24 whole hours (2h), as cron runs it, not '"
                + shown
                + "'");
    assertThat(catalog.systems()).isEmpty();
  }

  @Test
  void aWholeNumberOfHoursWrittenInMinutesIsThatManyHours() {
    String menu =
        HEAD
            + "health_intervals: [{every: 59m, label: a}, {every: 60m, label: b}]\n"
            + "restart_intervals: [{every: 1440m, label: c}]\n"
            + TAIL;

    CatalogSystem demo = load(new NamedText("menus/demo.yaml", menu)).systems().get(0);

    assertThat(demo.healthIntervals())
        .extracting(IntervalChoice::every)
        .containsExactly(
            new CronInterval(59, CronInterval.Unit.MINUTES),
            new CronInterval(1, CronInterval.Unit.HOURS));
    assertThat(demo.restartIntervals())
        .extracting(IntervalChoice::every)
        .containsExactly(new CronInterval(24, CronInterval.Unit.HOURS));
  }

  @Test
  void aMenuWithoutListsOffersTheSharedOnesAndItsOwnListReplacesThem() {
    String shared = HEAD + TAIL;
    String own =
        HEAD.replace("demo", "other")
            + "health_intervals: [{every: 12m, label: own}]\n"
            + TAIL.replace("demo-app", "other-app");

    Catalog catalog =
        load(
            new NamedText(MenuFiles.DEFAULTS, DEFAULTS),
            new NamedText("menus/demo.yaml", shared),
            new NamedText("menus/other.yaml", own));

    assertThat(catalog.problems()).isEmpty();
    CatalogSystem demo = catalog.systems().get(0);
    CatalogSystem other = catalog.systems().get(1);
    assertThat(demo.healthIntervals())
        .containsExactly(
            new IntervalChoice(
                new CronInterval(5, CronInterval.Unit.MINUTES), "shared", null, true));
    assertThat(demo.restartIntervals())
        .extracting(IntervalChoice::label)
        .containsExactly("shared restart");
    assertThat(other.healthIntervals()).extracting(IntervalChoice::label).containsExactly("own");
    assertThat(other.restartIntervals())
        .extracting(IntervalChoice::label)
        .containsExactly("shared restart");
    assertThat(catalog.systems()).extracting(CatalogSystem::id).containsExactly("demo", "other");
  }

  @Test
  void theSharedListsFollowTheSameRule() {
    Catalog catalog =
        load(
            new NamedText(MenuFiles.DEFAULTS, "health_intervals: [{every: 90m, label: x}]\n"),
            new NamedText("menus/demo.yaml", HEAD + TAIL));

    assertThat(catalog.problems())
        .extracting(Problem::message)
        .containsExactly(
            "menus/_defaults.yaml line 1: 'health_intervals[0].every' must be 1 to 59 minutes (5m)"
                + " or 1 to 24 whole hours (2h), as cron runs it, not '90m'",
            "menus/demo.yaml line 1: 'health_intervals' is missing: list the intervals the menu"
                + " offers, here or in menus/_defaults.yaml");
  }

  @Test
  void theSharedFileTakesNoOtherKeys() {
    Catalog catalog =
        load(
            new NamedText(MenuFiles.DEFAULTS, DEFAULTS + "restart_times: []\n"),
            new NamedText("menus/demo.yaml", HEAD + TAIL));

    assertThat(catalog.problems())
        .extracting(Problem::message)
        .first()
        .asString()
        .startsWith("menus/_defaults.yaml line 3: unknown key 'restart_times'");
  }

  private Catalog load(NamedText... menus) {
    return Catalog.load(new HostRoot(root), List.of(menus));
  }
}
