package org.watchdogmenu.os;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pm2's process list as a given user. Only the fields the tool needs are kept: {@code pm2
 * jlist} also carries the whole launching environment (secrets included), which is never kept or
 * logged.
 */
public final class Pm2 {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JSON_START = Pattern.compile("(?m)^\\[\\s*[{\\]]");

  private final Host host;
  private final String binary;
  private final String user;

  public Pm2(Host host, String binary, String user) {
    this.host = host;
    this.binary = binary;
    this.user = user;
  }

  /** One app in pm2's list. {@code started} is pm2's {@code pm_uptime}; pid is 0 when down. */
  public record App(
      String name,
      String status,
      long pid,
      long memoryBytes,
      double cpuPercent,
      Optional<Instant> started,
      int restarts) {
    public boolean online() {
      return "online".equals(status);
    }
  }

  /**
   * The answer to {@code pm2 jlist}: the apps, or why there are none.
   *
   * @param outcome how the jlist command ended (EXITED also when its output was unusable)
   */
  public record Listing(List<App> apps, String problem, CommandResult.Outcome outcome) {
    public Listing(List<App> apps, String problem) {
      this(apps, problem, CommandResult.Outcome.EXITED);
    }

    public boolean ok() {
      return problem == null;
    }

    public Optional<App> app(String name) {
      return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }
  }

  /**
   * What the pm2 daemon's pid file says.
   *
   * @param detail for STOPPED, why the pid in the file is not the daemon (null when there is simply
   *     no file or no such process); for REFUSED, the one-line refusal
   */
  public record Daemon(Status status, String detail) {
    /** Whether the daemon runs. */
    public enum Status {
      RUNNING,
      STOPPED,
      /**
       * The pid file may not be read (a link, a FIFO, too large, no pid in it): nobody can tell.
       */
      REFUSED
    }

    public boolean running() {
      return status == Status.RUNNING;
    }
  }

  /**
   * Whether the pm2 daemon of the user runs, from its pid file ({@code ~/.pm2/pm2.pid}, resolved
   * under the host root), without starting one (any pm2 command would start a daemon). The file
   * belongs to the user, so it is read as {@link PidFile} reads it (a regular file only, no link
   * followed, 64 bytes at most), and its pid counts only when that process runs as the user and
   * started no later than the file was written (else the pid was reused by another process).
   */
  public Daemon daemon() {
    String who = user == null ? host.currentUser() : user;
    Optional<Path> home = Users.home(who);
    if (home.isEmpty()) {
      return new Daemon(Daemon.Status.STOPPED, null);
    }
    Path pidFile = host.root().resolve(home.get().resolve(".pm2/pm2.pid").toString());
    PidFile.Read read;
    try {
      read = PidFile.read(pidFile);
    } catch (NoSuchFileException e) {
      return new Daemon(Daemon.Status.STOPPED, null);
    } catch (IOException e) {
      return new Daemon(Daemon.Status.REFUSED, PidFile.words(pidFile, e));
    }
    ProcTable table = new ProcTable(host.root());
    Optional<ProcTable.Proc> proc = table.get(read.pid());
    if (proc.isEmpty() || proc.get().zombie()) {
      return new Daemon(Daemon.Status.STOPPED, null);
    }
    ProcTable.Proc p = proc.get();
    Optional<Integer> uid = Users.uid(who);
    if (uid.isPresent() && !p.runsOnlyAs(uid.get())) {
      return new Daemon(
          Daemon.Status.STOPPED,
          "pid "
              + read.pid()
              + " in "
              + pidFile
              + " runs as "
              + p.ownerWords()
              + ", not as "
              + who);
    }
    Optional<Instant> started = table.started(p);
    if (started.isEmpty()) {
      return new Daemon(
          Daemon.Status.REFUSED,
          "cannot tell when pid " + read.pid() + " of " + pidFile + " started");
    }
    if (started.get().isAfter(read.written().plus(PidFile.SLACK))) {
      return new Daemon(
          Daemon.Status.STOPPED,
          "pid "
              + read.pid()
              + " in "
              + pidFile
              + " was reused by a process started after the file");
    }
    return new Daemon(Daemon.Status.RUNNING, null);
  }

  /** {@link #daemon} runs. */
  public boolean daemonRunning() {
    return daemon().running();
  }

  /** Runs {@code pm2 jlist} and keeps the useful fields. */
  public Listing list(Duration timeout) {
    CommandResult r = host.runner().run(command(timeout, "jlist"));
    if (!r.succeeded()) {
      return new Listing(List.of(), "pm2 jlist " + r.summary(), r.outcome());
    }
    String out = r.stdout();
    int start = jsonStart(out);
    if (start < 0) {
      return new Listing(List.of(), "pm2 jlist printed no process list");
    }
    try {
      JsonNode root = JSON.readTree(out.substring(start));
      List<App> apps = new ArrayList<>();
      for (JsonNode p : root) {
        JsonNode env = p.path("pm2_env");
        long uptime = env.path("pm_uptime").asLong(0);
        apps.add(
            new App(
                p.path("name").asText(),
                env.path("status").asText("unknown"),
                p.path("pid").asLong(0),
                p.path("monit").path("memory").asLong(0),
                p.path("monit").path("cpu").asDouble(0),
                uptime > 0 ? Optional.of(Instant.ofEpochMilli(uptime)) : Optional.empty(),
                env.path("restart_time").asInt(0)));
      }
      return new Listing(List.copyOf(apps), null);
    } catch (IOException e) {
      return new Listing(List.of(), "pm2 jlist printed something that is not its JSON list");
    }
  }

  /** A pm2 command run as the configured user, e.g. {@code command(t, "restart", "web")}. */
  public Command command(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(binary);
    argv.addAll(List.of(args));
    return Command.of(timeout, argv).asUser(user, host.currentUser());
  }

  /**
   * Where the JSON starts: the first line that starts with '[' followed by '{', ']' or a space. pm2
   * may print a preamble such as {@code [PM2] Spawning PM2 daemon with pm2_home=...}, whose lines
   * also start with '['.
   */
  private static int jsonStart(String out) {
    Matcher m = JSON_START.matcher(out);
    return m.find() ? m.start() : -1;
  }
}
