package org.watchdogmenu.alert;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostName;
import org.watchdogmenu.os.LockFile;

/**
 * Tells a person what happened, through the channels of {@code /etc/watchdog-menu/alerts.yaml},
 * without alert storms (see {@link StormFilter}). Sending is never fatal and never takes much
 * longer than the slowest channel's timeout; the returned {@link Delivery} says what happened, for
 * the log.
 *
 * <p>The engine calls {@link #notify(AlertEvent, Duration)} after each event with the target's
 * policy window, e.g. on every failing check: repeats inside the window are held back here, so the
 * caller need not remember anything. What was sent is kept per target in {@value #STATE_DIR}, under
 * a lock, so cron runs (a new process each time), the monitor and {@code watchdog-menu alert} share
 * one memory.
 */
public final class Alerts {
  /** Where the per-target alert memory lives (under the root). */
  public static final String STATE_DIR = "/var/lib/watchdog-menu/alerts";

  /** The window used when there is no target policy, e.g. for the monitor's own events. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  /** Extra wait for the memory lock beyond one whole send by another process. */
  private static final Duration MARGIN = Duration.ofSeconds(2);

  /** Waiting for a lock takes real time, whatever clock the host uses for events. */
  private static final Clock REAL_TIME = Clock.systemUTC();

  private final Host host;
  private final AlertsConfig config;
  private final List<Channel> channels;

  Alerts(Host host, AlertsConfig config, String hostName) {
    this.host = host;
    this.config = config;
    List<Channel> built = new ArrayList<>();
    for (ChannelSpec spec : config.channels()) {
      built.add(Channel.of(spec, host, hostName));
    }
    this.channels = List.copyOf(built);
  }

  /**
   * Reads {@code /etc/watchdog-menu/alerts.yaml} under the host's root; no file means no channels.
   *
   * @throws ConfigException one line naming the file and line: an unknown key, a bad address, or a
   *     file with secrets that others can read ({@code chmod 600 FILE})
   */
  public static Alerts load(Host host) throws ConfigException {
    return new Alerts(host, AlertsFile.read(host.root()), HostName.get());
  }

  /** The configured channels' names, e.g. {@code slack hooks.slack.com}, for menus and status. */
  public List<String> channels() {
    return channels.stream().map(Channel::name).toList();
  }

  /**
   * One line per channel, secrets masked, e.g. {@code ops: Slack-compatible webhook
   * https://hooks.slack.com/****, timeout 5s}.
   */
  public List<String> describe() {
    return config.channels().stream().map(c -> c.name() + ": " + c.describe()).toList();
  }

  /** {@link #notify(AlertEvent, Duration)} with {@link #DEFAULT_WINDOW}. */
  public Delivery notify(AlertEvent event) {
    return notify(event, DEFAULT_WINDOW);
  }

  /**
   * Sends the event through every channel unless it repeats one already sent inside {@code window}
   * (the target's restart window). An alert counts as sent when at least one channel took it; one
   * that no channel took is tried again at the next event.
   */
  public Delivery notify(AlertEvent event, Duration window) {
    if (channels.isEmpty()) {
      return new Delivery(
          event, Delivery.Status.NO_CHANNELS, "no channels in " + AlertsFile.PATH, List.of());
    }
    Path file = host.root().resolve(STATE_DIR + "/" + event.target() + ".json");
    Optional<LockFile.Held> lock;
    try {
      lock = LockFile.acquire(lockOf(file), Dispatcher.budget(channels).plus(MARGIN), REAL_TIME);
    } catch (IOException e) {
      return sendUnremembered(event, "cannot lock " + lockOf(file) + ": " + e.getMessage());
    }
    if (lock.isEmpty()) {
      return sendUnremembered(event, "alert memory " + file + " stayed locked");
    }
    try {
      return decideAndSend(event, window, file);
    } finally {
      lock.get().close();
    }
  }

  /** Sends a test alert through every channel, without memory, and says how each one did. */
  public List<ChannelResult> sendTest() {
    AlertEvent test =
        new AlertEvent(
            AlertKind.TEST,
            AlertEvent.MONITOR,
            host.clock().instant(),
            "Test alert from watchdog-menu: this channel works",
            Map.of("channels", String.valueOf(channels.size())));
    return Dispatcher.send(channels, test);
  }

  private Delivery decideAndSend(AlertEvent event, Duration window, Path file) {
    AlertMemory memory;
    String note = "";
    try {
      memory = AlertMemory.load(file);
    } catch (IOException e) {
      memory = AlertMemory.empty();
      note = " (alert memory " + file + " was unreadable and starts afresh)";
    }
    StormFilter.Decision decision = StormFilter.decide(memory, event, window, config.remindEvery());
    if (decision.verdict() == StormFilter.Verdict.SUPPRESS) {
      return new Delivery(event, Delivery.Status.SUPPRESSED, decision.reason() + note, List.of());
    }
    if (decision.verdict() == StormFilter.Verdict.OWED) {
      return sendOwed(event, memory, decision.reason() + note, file);
    }
    boolean reminder = decision.verdict() == StormFilter.Verdict.REMIND;
    AlertEvent toSend =
        reminder
            ? event.withMessage(
                "Reminder, down since "
                    + memory.downSince()
                    + " (every "
                    + Durations.words(config.remindEvery())
                    + "): "
                    + event.message())
            : event;
    List<ChannelResult> results = Dispatcher.send(channels, toSend);
    Delivery delivery =
        new Delivery(
            toSend,
            reminder ? Delivery.Status.REMINDER_SENT : Delivery.Status.SENT,
            decision.reason() + note,
            results);
    if (delivery.delivered()) {
      memory.recordSent(event.kind(), event.at(), reminder);
      if (event.kind() == AlertKind.RECOVERED) {
        memory.owe(
            results.stream().filter(r -> !r.delivered()).map(ChannelResult::channel).toList());
      }
      try {
        memory.save(file);
      } catch (IOException e) {
        return new Delivery(
            toSend,
            delivery.status(),
            delivery.reason() + "; cannot remember it in " + file + ": " + e.getMessage(),
            results);
      }
    }
    return delivery;
  }

  /**
   * A recovery for the channels that missed the last one (the others took it); what they take now,
   * and channels no longer configured, are forgotten.
   */
  private Delivery sendOwed(AlertEvent event, AlertMemory memory, String reason, Path file) {
    Set<String> owed = memory.owed();
    List<Channel> to = channels.stream().filter(c -> owed.contains(c.name())).toList();
    if (to.isEmpty()) {
      memory.paid(owed);
      try {
        memory.save(file);
      } catch (IOException e) {
        // the next healthy check forgets them again
      }
      return new Delivery(
          event,
          Delivery.Status.SUPPRESSED,
          "the channels that missed the last recovery are no longer configured",
          List.of());
    }
    List<ChannelResult> results = Dispatcher.send(to, event);
    Set<String> settled = new HashSet<>(owed);
    results.stream().filter(r -> !r.delivered()).forEach(r -> settled.remove(r.channel()));
    memory.paid(settled);
    Delivery delivery = new Delivery(event, Delivery.Status.SENT, reason, results);
    try {
      memory.save(file);
    } catch (IOException e) {
      return new Delivery(
          event,
          Delivery.Status.SENT,
          reason + "; cannot remember it in " + file + ": " + e.getMessage(),
          results);
    }
    return delivery;
  }

  private Delivery sendUnremembered(AlertEvent event, String why) {
    return new Delivery(
        event,
        Delivery.Status.SENT,
        why + "; sent without checking for repeats",
        Dispatcher.send(channels, event));
  }

  private static Path lockOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }
}
