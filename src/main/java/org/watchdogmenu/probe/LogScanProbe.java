package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.watchdogmenu.model.LogScanProbeSpec;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;

/**
 * No line of a unit's journal, or of a log file, written in the recent window matches the error
 * pattern. The window starts at the later of now minus {@code since} and the context's {@code
 * notBefore}, so the errors that caused the last restart are not counted again.
 *
 * <ul>
 *   <li>{@code unit}: {@code journalctl -u UNIT --since @EPOCH --no-pager -q -o short-iso}.
 *   <li>{@code file}: see {@link LogFileScan} for how lines are dated. Times without an offset are
 *       read in the JVM's default time zone, the zone the host's programs log in.
 * </ul>
 *
 * <p>A log file that does not exist yet is PASS ("no log file yet"): a service that has not logged
 * has logged no errors, and calling that UNKNOWN would alert for every fresh install. A file that
 * exists but cannot be read is UNKNOWN. A journalctl that is missing, fails or hangs is UNKNOWN: it
 * says nothing about the service.
 */
final class LogScanProbe implements Probe {
  private static final int SHOWN_CHARS = 200;

  private final LogScanProbeSpec spec;

  LogScanProbe(LogScanProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    if ((spec.unit() == null) == (spec.file() == null)) {
      throw new ConfigProblem(
          "log-scan probe: set exactly one of unit (a systemd unit) or file (a log file path)");
    }
    Pattern pattern =
        Fields.regex(
            Fields.required(spec.pattern(), "log-scan", "pattern", "'(?i)error|failed'"),
            "log-scan",
            "pattern");
    Instant now = context.host().clock().instant();
    Instant start = now.minus(spec.since());
    if (context.notBefore().isPresent() && context.notBefore().get().isAfter(start)) {
      start = context.notBefore().get();
    }
    return spec.unit() != null
        ? journal(context, pattern, start, watch)
        : file(context, pattern, start, now, watch);
  }

  private ProbeResult journal(
      ProbeContext context, Pattern pattern, Instant start, Stopwatch watch) {
    Command journalctl =
        Command.of(
            spec.timeout(),
            "journalctl",
            "-u",
            spec.unit(),
            "--since",
            "@" + start.getEpochSecond(),
            "--no-pager",
            "-q",
            "-o",
            "short-iso");
    CommandResult r = context.host().runner().run(journalctl);
    if (r.outcome() == CommandResult.Outcome.NOT_STARTED) {
      return ProbeResult.unknown("journalctl not found: " + r.stderr(), watch.elapsed());
    }
    if (!r.succeeded()) {
      return ProbeResult.unknown(
          "cannot read the journal: journalctl " + r.summary(), watch.elapsed());
    }
    return judge(r.stdout().lines().toList(), pattern, "journal of " + spec.unit(), start, watch);
  }

  private ProbeResult file(
      ProbeContext context, Pattern pattern, Instant start, Instant now, Stopwatch watch) {
    Path path = context.host().root().resolve(spec.file());
    if (!Files.exists(path)) {
      return ProbeResult.pass(
          "no log file yet at " + spec.file() + " (nothing logged, so no errors)", watch.elapsed());
    }
    try {
      List<String> lines = LogFileScan.linesSince(path, start, now, ZoneId.systemDefault());
      return judge(lines, pattern, spec.file(), start, watch);
    } catch (AccessDeniedException e) {
      return ProbeResult.unknown("no permission to read " + spec.file(), watch.elapsed());
    } catch (IOException e) {
      return ProbeResult.unknown("cannot read " + spec.file() + ": " + e, watch.elapsed());
    }
  }

  private ProbeResult judge(
      List<String> lines, Pattern pattern, String where, Instant start, Stopwatch watch) {
    List<String> matching = lines.stream().filter(l -> pattern.matcher(l).find()).toList();
    String window = "since " + start;
    Duration elapsed = watch.elapsed();
    if (matching.isEmpty()) {
      return ProbeResult.pass(
          "no line matches /" + spec.pattern() + "/ in " + where + " " + window, elapsed);
    }
    return ProbeResult.fail(
        matching.size()
            + (matching.size() == 1 ? " line matches /" : " lines match /")
            + spec.pattern()
            + "/ in "
            + where
            + " "
            + window
            + ", first: "
            + Text.shorten(matching.get(0).strip(), SHOWN_CHARS),
        elapsed);
  }
}
