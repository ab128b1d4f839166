package org.watchdogmenu.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.LastResults;
import org.watchdogmenu.engine.Outcome;
import org.watchdogmenu.engine.Pause;
import org.watchdogmenu.engine.Pauses;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.install.ScheduleReader;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.service.ServiceState;

/**
 * One-line summaries for the systems and roles menus, health first: the last verdict and how long
 * ago, whether the service runs, then what is scheduled. {@code CRITICAL 35s ago, stopped, health
 * 5m}, {@code never checked, running, no schedule}; a system of several targets gives its worst
 * verdict, how many have it and when the last of them came.
 */
final class StateWords {
  /** The words and how they are shown (the worst of what they say). */
  record Summary(String words, Tone tone) {}

  /** What is known of one target now. */
  private record Known(
      Target target,
      Optional<CheckReport> last,
      Optional<ServiceWatch.Seen> service,
      FeatureState health,
      FeatureState restart,
      Optional<Pause> pause) {
    boolean scheduled() {
      return health.configured() || restart.configured();
    }
  }

  private final ScheduleReader reader;
  private final LastResults lastResults;
  private final Pauses pauses;
  private final ServiceWatch services;
  private final TimeWords time;

  StateWords(Session session) {
    this.reader = session.installer().reader();
    this.lastResults = new LastResults(session.host().root());
    this.pauses = new Pauses(session.host().root());
    this.services = session.services();
    this.time = session.time();
  }

  private Known known(Target t) {
    return new Known(
        t,
        lastResults.load(t.id()),
        services.state(t),
        reader.read(t, Feature.HEALTH),
        reader.read(t, Feature.RESTART),
        pauses.holding(t.id(), time.now()));
  }

  /** One target: {@code CRITICAL 35s ago, stopped, health 5m, restart 04:00}. */
  Summary of(Target target) {
    return of(List.of(target));
  }

  /**
   * Several targets: the worst verdict with how many have it ({@code CRITICAL (1/2) 35s ago, 1/2
   * stopped}), how many services are stopped, and what is scheduled; one target as {@link
   * #of(Target)}.
   */
  Summary of(List<Target> targets) {
    List<Known> all = targets.stream().map(this::known).toList();
    List<String> parts = new ArrayList<>();
    Optional<String> paused = paused(all);
    paused.ifPresent(parts::add);
    parts.add(verdict(all));
    parts.add(service(all));
    parts.add(schedule(all));
    Tone tone = tone(all);
    if (paused.isPresent()) {
      // held restarts and alerts are something to see, at least in yellow
      tone = worse(tone == Tone.OFF ? Tone.PLAIN : tone, Tone.WARN);
    }
    return new Summary(String.join(", ", parts), tone);
  }

  /** {@code paused 25m} (the time left), or {@code 1/2 paused}; empty when none is paused. */
  private Optional<String> paused(List<Known> all) {
    List<Pause> paused = all.stream().flatMap(k -> k.pause().stream()).toList();
    if (paused.isEmpty()) {
      return Optional.empty();
    }
    if (all.size() == 1) {
      return Optional.of("paused " + Pause.span(paused.get(0).left(time.now())));
    }
    return Optional.of(paused.size() + "/" + all.size() + " paused");
  }

  /** The last verdict in words: {@code OK 2m ago}, {@code never checked}. */
  static String verdict(Optional<CheckReport> last, TimeWords time) {
    return last.map(r -> r.outcome() + " " + time.ago(r.at())).orElse("never checked");
  }

  /**
   * {@code running}, {@code stopped}, {@code not installed} (a unit this host does not have: a
   * catalog target it does not run), {@code state unknown}, {@code untracked}.
   */
  static String running(ServiceState state) {
    if (notInstalled(state)) {
      return "not installed";
    }
    return switch (state.activity()) {
      case ACTIVE -> "running";
      case INACTIVE -> "stopped";
      case UNKNOWN -> "state unknown";
      case UNTRACKED -> "untracked";
    };
  }

  /** The service manager says it has no such unit ({@code unit X is not installed}). */
  static boolean notInstalled(ServiceState state) {
    return state.activity() == ServiceState.Activity.UNKNOWN
        && state.detail().startsWith("unit ")
        && state.detail().endsWith(" is not installed");
  }

  static Tone tone(Outcome outcome) {
    return switch (outcome) {
      case OK -> Tone.PLAIN;
      case WARNING, UNKNOWN -> Tone.WARN;
      case CRITICAL -> Tone.BAD;
    };
  }

  static Tone tone(ServiceState state) {
    if (notInstalled(state)) {
      return Tone.OFF;
    }
    return switch (state.activity()) {
      case INACTIVE -> Tone.BAD;
      case UNKNOWN -> Tone.WARN;
      default -> Tone.PLAIN;
    };
  }

  private String verdict(List<Known> all) {
    List<CheckReport> checked = all.stream().flatMap(k -> k.last().stream()).toList();
    if (all.size() == 1 || checked.isEmpty()) {
      return verdict(all.get(0).last(), time);
    }
    Outcome worst =
        checked.stream()
            .map(CheckReport::outcome)
            .max(Comparator.comparing(StateWords::rank))
            .get();
    List<CheckReport> withWorst = checked.stream().filter(r -> r.outcome() == worst).toList();
    Instant latest = withWorst.stream().map(CheckReport::at).max(Instant::compareTo).get();
    String count =
        withWorst.size() == all.size() ? "" : " (" + withWorst.size() + "/" + all.size() + ")";
    return worst + count + " " + time.ago(latest);
  }

  private static String service(List<Known> all) {
    if (all.stream().anyMatch(k -> k.service().isEmpty())) {
      return "…";
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    all.forEach(k -> counts.merge(running(k.service().get().state()), 1, Integer::sum));
    if (counts.size() == 1) {
      return counts.keySet().iterator().next();
    }
    for (String word : List.of("stopped", "state unknown", "running")) {
      if (counts.containsKey(word)) {
        return counts.get(word) + "/" + all.size() + " " + word;
      }
    }
    Map.Entry<String, Integer> first = counts.entrySet().iterator().next();
    return first.getValue() + "/" + all.size() + " " + first.getKey();
  }

  private static String schedule(List<Known> all) {
    if (all.stream().noneMatch(Known::scheduled)) {
      return "no schedule";
    }
    List<String> parts = new ArrayList<>();
    if (all.size() == 1) {
      compact("health", all.get(0).health()).ifPresent(parts::add);
      compact("restart", all.get(0).restart()).ifPresent(parts::add);
    } else {
      long health = all.stream().filter(k -> k.health().configured()).count();
      long restart = all.stream().filter(k -> k.restart().configured()).count();
      if (health > 0) {
        parts.add("health " + health + "/" + all.size());
      }
      if (restart > 0) {
        parts.add("restart " + restart + "/" + all.size());
      }
    }
    return String.join(", ", parts);
  }

  /** {@code health 5m}, {@code restart 00:00,08:00}, {@code health custom}. */
  private static Optional<String> compact(String name, FeatureState f) {
    if (!f.configured()) {
      return Optional.empty();
    }
    String when = f.schedule().map(s -> s.cliText()).orElse("custom");
    return Optional.of(name + " " + when + (f.editedByHand() ? " (by hand)" : ""));
  }

  private static Tone tone(List<Known> all) {
    Tone worst = Tone.PLAIN;
    boolean quiet = true;
    for (Known k : all) {
      if (k.last().isPresent()) {
        worst = worse(worst, tone(k.last().get().outcome()));
        quiet = false;
      }
      if (k.service().isPresent()) {
        ServiceState s = k.service().get().state();
        worst = worse(worst, tone(s));
        quiet &= s.activity() != ServiceState.Activity.ACTIVE;
      }
      quiet &= !k.scheduled();
    }
    return worst == Tone.PLAIN && quiet ? Tone.OFF : worst;
  }

  private static Tone worse(Tone a, Tone b) {
    return severity(b) > severity(a) ? b : a;
  }

  private static int severity(Tone t) {
    return switch (t) {
      case BAD -> 2;
      case WARN -> 1;
      default -> 0;
    };
  }

  /** OK, then UNKNOWN, WARNING, CRITICAL: the worst verdict is the one a person must see. */
  private static int rank(Outcome o) {
    return switch (o) {
      case OK -> 0;
      case UNKNOWN -> 1;
      case WARNING -> 2;
      case CRITICAL -> 3;
    };
  }
}
