package org.watchdogmenu.install;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.watchdogmenu.model.CronInterval;
import org.watchdogmenu.model.Durations;

/**
 * When a cron job runs: every N minutes, every N hours, or daily at fixed times. Each renders as
 * one cron time expression and reads back from it ({@code fromCron(s.cron()) == s}). Which
 * intervals are allowed is {@link CronInterval}'s rule, the same the catalog applies to the
 * intervals a menu offers. The menu builds a schedule from its choice ({@link
 * #every(CronInterval)}, {@link #dailyAt}); the command line parses the same schedule from text
 * ({@link #parse}).
 *
 * <p>Intervals that do not divide the hour (minutes) or the day (hours) are allowed, because cron
 * can express them, but they are uneven: {@code *}{@code /7} runs at :00, :07, ... :56 and then :00
 * again four minutes later, since cron counts from 0 again every hour. {@link #note} says so. Times
 * of day are any list of HH:MM: they become one cron line per set of minutes that share their hours
 * ({@code 08:30,16:30,00:00} is {@code 30 8,16 * * *} and {@code 0 0 * * *}).
 */
public sealed interface Schedule {

  /**
   * The cron time fields, e.g. {@code *}{@code /5 * * * *} or {@code 0 0,8,16 * * *}; times of day
   * that need more than one line are joined with {@code "; "} (see {@link #cronLines}).
   */
  String cron();

  /** The time fields of each job line, in the order they are written. */
  default List<String> cronLines() {
    return List.of(cron());
  }

  /** In words: {@code Every 5 minutes}, {@code Every 1 hour}, {@code Daily at 00:00, 08:00}. */
  String words();

  /** As typed on the command line: {@code 5m}, {@code 1h}, {@code 00:00,08:00}. */
  String cliText();

  /** A warning when the runs are not evenly spaced; empty when they are. */
  Optional<String> note();

  /** Every so many minutes or hours, as {@link CronInterval} allows. */
  static Schedule every(CronInterval interval) {
    return interval.unit() == CronInterval.Unit.MINUTES
        ? new EveryMinutes(interval.count())
        : new EveryHours(interval.count());
  }

  /**
   * Every {@code every}: minutes below an hour, whole hours up to a day ({@code 60m} is every 1
   * hour).
   *
   * @throws InstallException naming the interval and what is allowed
   */
  static Schedule every(Duration every) {
    return CronInterval.of(every)
        .map(Schedule::every)
        .orElseThrow(
            () ->
                new InstallException(
                    "every "
                        + (every == null ? "(none)" : Durations.format(every))
                        + " is not a cron schedule: write "
                        + CronInterval.ALLOWED));
  }

  /** Daily at these times of day (whole minutes, in any order). */
  static Schedule dailyAt(List<LocalTime> times) {
    return new DailyAt(times);
  }

  /**
   * Reads a schedule typed by an operator: {@code 5m} (1-59 minutes), {@code 2h} (1-24 hours) or
   * {@code 08:00,16:00,00:00} (times of day, any minutes: {@code 08:30,16:30,00:00}).
   *
   * @throws InstallException naming the text and what is allowed
   */
  static Schedule parse(String text) {
    String hint = ": write minutes (5m), hours (2h) or times of day (08:00,16:00,00:00)";
    if (text == null || !text.matches("[0-9a-z:,]{1,200}")) {
      throw new InstallException("schedule " + Names.shown(text) + " is not allowed" + hint);
    }
    Matcher m = Pattern.compile("([0-9]{1,4})([mh])").matcher(text);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      if (m.group(2).equals("m")) {
        if (n < 1 || n > CronInterval.MAX_MINUTES) {
          throw new InstallException(
              "schedule '"
                  + text
                  + "': minutes must be 1 to "
                  + CronInterval.MAX_MINUTES
                  + " (for longer, write hours: 1h)");
        }
        return new EveryMinutes(n);
      }
      if (n < 1 || n > CronInterval.MAX_HOURS) {
        throw new InstallException(
            "schedule '"
                + text
                + "': hours must be 1 to "
                + CronInterval.MAX_HOURS
                + " (for fixed times write 08:00,20:00)");
      }
      return new EveryHours(n);
    }
    if (text.matches("[0-9]{1,2}:[0-9]{2}(,[0-9]{1,2}:[0-9]{2})*")) {
      List<LocalTime> times = new ArrayList<>();
      for (String t : text.split(",")) {
        String[] hm = t.split(":");
        int h = Integer.parseInt(hm[0]);
        int min = Integer.parseInt(hm[1]);
        if (h > 23 || min > 59) {
          throw new InstallException(
              "schedule '" + text + "': '" + t + "' is not a time of day (00:00 to 23:59)");
        }
        times.add(LocalTime.of(h, min));
      }
      return new DailyAt(times);
    }
    throw new InstallException("schedule " + Names.shown(text) + " is not a schedule" + hint);
  }

  /**
   * The schedule the job lines of one file stand for, if they are lines this tool writes: one line,
   * or several lines of times of day exactly as {@link DailyAt#cronLines} renders them.
   */
  static Optional<Schedule> fromCron(List<String> expressions) {
    if (expressions.size() == 1) {
      return fromCron(expressions.get(0));
    }
    if (expressions.isEmpty()) {
      return Optional.empty();
    }
    List<String> given = new ArrayList<>();
    List<LocalTime> times = new ArrayList<>();
    for (String expression : expressions) {
      String e = expression.trim().replaceAll("\\s+", " ");
      Optional<DailyAt> line = dailyLine(e);
      if (line.isEmpty()) {
        return Optional.empty();
      }
      given.add(e);
      times.addAll(line.get().times());
    }
    if (times.size() != new TreeSet<>(times).size()) {
      return Optional.empty();
    }
    DailyAt d = new DailyAt(times);
    return d.cronLines().equals(given) ? Optional.of(d) : Optional.empty();
  }

  /** The schedule a cron time expression stands for, if it is one this tool writes. */
  static Optional<Schedule> fromCron(String expression) {
    String e = expression.trim().replaceAll("\\s+", " ");
    if (e.equals("* * * * *")) {
      return Optional.of(new EveryMinutes(1));
    }
    if (e.equals("0 * * * *")) {
      return Optional.of(new EveryHours(1));
    }
    if (e.equals("@daily")) {
      return Optional.of(new EveryHours(24));
    }
    Matcher m = Pattern.compile("\\*/([0-9]{1,2}) \\* \\* \\* \\*").matcher(e);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      return n >= 2 && n <= CronInterval.MAX_MINUTES
          ? Optional.of(new EveryMinutes(n))
          : Optional.empty();
    }
    m = Pattern.compile("0 \\*/([0-9]{1,2}) \\* \\* \\*").matcher(e);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      return n >= 2 && n <= 23 ? Optional.of(new EveryHours(n)) : Optional.empty();
    }
    Optional<DailyAt> d = dailyLine(e);
    return d.isPresent() && d.get().cron().equals(e) ? Optional.of(d.get()) : Optional.empty();
  }

  /** One line {@code MINUTES HOURS * * *} of plain numbers, as times of day; else empty. */
  private static Optional<DailyAt> dailyLine(String e) {
    Matcher m =
        Pattern.compile("([0-9]{1,2}(?:,[0-9]{1,2})*) ([0-9]{1,2}(?:,[0-9]{1,2})*) \\* \\* \\*")
            .matcher(e);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<LocalTime> times = new ArrayList<>();
    for (String mm : m.group(1).split(",")) {
      for (String h : m.group(2).split(",")) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(mm);
        if (hour > 23 || minute > 59) {
          return Optional.empty();
        }
        times.add(LocalTime.of(hour, minute));
      }
    }
    if (times.size() != new TreeSet<>(times).size()) {
      return Optional.empty();
    }
    DailyAt d = new DailyAt(times);
    return d.cronLines().size() == 1 && d.cron().equals(e) ? Optional.of(d) : Optional.empty();
  }

  /** Every {@code minutes} minutes, counted from the full hour. */
  record EveryMinutes(int minutes) implements Schedule {
    public EveryMinutes {
      if (minutes < 1 || minutes > CronInterval.MAX_MINUTES) {
        throw new InstallException(
            "every " + minutes + " minutes: minutes must be 1 to " + CronInterval.MAX_MINUTES);
      }
    }

    @Override
    public String cron() {
      return minutes == 1 ? "* * * * *" : "*/" + minutes + " * * * *";
    }

    @Override
    public String words() {
      return "Every " + minutes + (minutes == 1 ? " minute" : " minutes");
    }

    @Override
    public String cliText() {
      return minutes + "m";
    }

    @Override
    public Optional<String> note() {
      if (60 % minutes == 0) {
        return Optional.empty();
      }
      int last = 59 / minutes * minutes;
      return Optional.of(
          String.format(
              "every %d minutes is uneven: cron runs at :00, :%02d, ... :%02d and then :00 again"
                  + " %d minutes later, because it counts from 0 every hour",
              minutes, minutes, last, 60 - last));
    }
  }

  /** Every {@code hours} hours on the full hour, counted from midnight; 24 is once a day. */
  record EveryHours(int hours) implements Schedule {
    public EveryHours {
      if (hours < 1 || hours > CronInterval.MAX_HOURS) {
        throw new InstallException(
            "every " + hours + " hours: hours must be 1 to " + CronInterval.MAX_HOURS);
      }
    }

    @Override
    public String cron() {
      if (hours == 1) {
        return "0 * * * *";
      }
      return hours == 24 ? "@daily" : "0 */" + hours + " * * *";
    }

    @Override
    public String words() {
      return "Every " + hours + (hours == 1 ? " hour" : " hours");
    }

    @Override
    public String cliText() {
      return hours + "h";
    }

    @Override
    public Optional<String> note() {
      if (24 % hours == 0) {
        return Optional.empty();
      }
      int last = 23 / hours * hours;
      return Optional.of(
          String.format(
              "every %d hours is uneven: cron runs at 00:00, %02d:00, ... %02d:00 and then 00:00"
                  + " again %d hours later, because it counts from 0 every day",
              hours, hours, last, 24 - last));
    }
  }

  /**
   * Daily at fixed times, e.g. 00:00, 08:00, 16:00. Minutes that run at the same hours share a
   * line: 08:00,08:30,16:00,16:30 is {@code 0,30 8,16 * * *}; 08:30,16:30,00:00 is {@code 0 0 * *
   * *} and {@code 30 8,16 * * *}.
   */
  record DailyAt(List<LocalTime> times) implements Schedule {
    public DailyAt {
      if (times == null || times.isEmpty()) {
        throw new InstallException("daily at: give at least one time of day, e.g. 08:00");
      }
      times = List.copyOf(new TreeSet<>(times));
      for (LocalTime t : times) {
        if (t.getSecond() != 0 || t.getNano() != 0) {
          throw new InstallException("daily at " + t + ": times are whole minutes");
        }
      }
    }

    @Override
    public String cron() {
      return String.join("; ", cronLines());
    }

    /**
     * One line per set of minutes that run at the same hours, ordered by their first minute; each
     * line lists its minutes and hours in ascending order.
     */
    @Override
    public List<String> cronLines() {
      Map<Integer, TreeSet<Integer>> hoursByMinute = new TreeMap<>();
      for (LocalTime t : times) {
        hoursByMinute.computeIfAbsent(t.getMinute(), k -> new TreeSet<>()).add(t.getHour());
      }
      Map<String, List<String>> minutesByHours = new LinkedHashMap<>();
      hoursByMinute.forEach(
          (minute, hours) ->
              minutesByHours
                  .computeIfAbsent(numbers(hours), k -> new ArrayList<>())
                  .add(String.valueOf(minute)));
      List<String> lines = new ArrayList<>();
      minutesByHours.forEach(
          (hours, minutes) -> lines.add(String.join(",", minutes) + " " + hours + " * * *"));
      return List.copyOf(lines);
    }

    private static String numbers(TreeSet<Integer> n) {
      return n.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public String words() {
      return "Daily at " + join(times, ", ");
    }

    @Override
    public String cliText() {
      return join(times, ",");
    }

    @Override
    public Optional<String> note() {
      return Optional.empty();
    }

    private static String join(List<LocalTime> times, String separator) {
      return times.stream().map(LocalTime::toString).collect(Collectors.joining(separator));
    }
  }
}
