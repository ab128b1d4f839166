package org.watchdogmenu.os;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteStreamHandler;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Watchdog;

/**
 * Runs commands with Apache Commons Exec, made safe for a tool that runs as root:
 *
 * <ul>
 *   <li><b>A session of its own, no terminal.</b> Every command starts through {@code setsid -w}
 *       (util-linux): a child of the JVM is not a process-group leader, so {@code setsid} calls
 *       {@code setsid(2)} and execs the program in place, keeping the pid. The command leads a new
 *       session with no controlling terminal, so nothing it runs (as root or, through {@code
 *       runuser}, as another account) can open {@code /dev/tty} of the operator who started the
 *       tool or push keystrokes into it with {@code TIOCSTI}. Its stdin is {@code /dev/null}; the
 *       JVM passes it no other descriptor.
 *   <li><b>A small clean environment.</b> {@code PATH} (the fixed {@link #SAFE_PATH}), {@code
 *       HOME}, {@code USER} and {@code LOGNAME} of the account it runs as (root's, or the {@code
 *       runuser} target's, from {@code /etc/passwd}), {@code LANG=C.UTF-8}, and what the command's
 *       own {@code env} adds. Nothing else of the tool's environment ({@code SSH_AUTH_SOCK}, {@code
 *       NOTIFY_SOCKET}, {@code JDK_JAVA_OPTIONS}, {@code DISPLAY}...) reaches it. The program is
 *       looked up in that {@code PATH}, as cron does with its own.
 *   <li><b>The whole tree dies at the timeout</b>: the command, its descendants and everything left
 *       in its session, double-forked grandchildren included ({@link ProcessTree#killCommand}).
 *       Commons Exec's own watchdog kills only the direct child. A process that calls {@code
 *       setsid} itself has left the session and is killed only while it is still a descendant.
 *   <li><b>Output through pipes, capped, never to disk.</b> stdout and stderr are read from pipes,
 *       keeping the last {@value #KEEP_BYTES} bytes of each; older bytes are dropped, never stored.
 *       Once the command itself has exited, the runner waits at most {@value #GRACE_MILLIS} ms for
 *       the pipes to close and then closes its ends: a daemon that a script started in the
 *       background and that still holds the pipe does not hold the run up (if it writes to that
 *       pipe later, it gets EPIPE).
 *   <li><b>Or appended to a log</b>, when the command names one ({@link Command#appendOutputTo}):
 *       stdout and stderr go together straight into that file ({@code >> log 2>&1}), so a daemon a
 *       restart script starts keeps writing where the operator looks and logrotate rotates. The
 *       file is opened without being fooled by another account ({@link OutputLog}); when it cannot
 *       be trusted the output is captured as above and the result carries a note saying why. The
 *       result's stderr then holds the tail of what the command appended, stdout is empty.
 * </ul>
 */
public final class ExecCommandRunner implements CommandRunner {
  /**
   * The {@code PATH} every command gets (Debian's default for root), whatever the caller's was. The
   * system property {@code watchdogmenu.path} replaces it; only whoever starts the JVM can set it
   * (the tests play a server where a program is missing with it).
   */
  public static final String SAFE_PATH =
      System.getProperty(
          "watchdogmenu.path", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  /** The locale every command gets: plain, stable messages, UTF-8 bytes. */
  static final String LANG = "C.UTF-8";

  static final int KEEP_BYTES = 64 * 1024;

  /** How long the pipes may stay open after the command itself has exited. */
  static final long GRACE_MILLIS = 200;

  private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");

  @Override
  public CommandResult run(Command command) {
    if (command.workdir() != null && !Files.isDirectory(Path.of(command.workdir()))) {
      return CommandResult.notStarted("working folder " + command.workdir() + " does not exist");
    }
    Optional<String> setsid =
        SETSID.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    if (setsid.isEmpty()) {
      return CommandResult.notStarted(
          command.program()
              + ": setsid (util-linux) not found, which every command starts through");
    }
    Map<String, String> env = environment(command);
    Optional<String> missing = findProgram(command, env.get("PATH"));
    if (missing.isPresent()) {
      return CommandResult.notStarted(missing.get());
    }
    String note = "";
    OutputLog log = null;
    if (command.outputLog() != null) {
      OutputLog.Opening opening = OutputLog.open(command.outputLog());
      if (opening instanceof OutputLog.Opened opened) {
        log = opened.log();
      } else {
        note =
            "output of "
                + command.display()
                + " kept in memory, not appended to "
                + command.outputLog()
                + ": "
                + ((OutputLog.Refused) opening).why();
      }
    }
    try {
      CommandResult result =
          log != null
              ? runToLog(command, env, setsid.get(), log)
              : runCaptured(command, env, setsid.get());
      return note.isEmpty() ? result : result.withNote(ControlChars.escape(note));
    } finally {
      if (log != null) {
        log.close();
      }
    }
  }

  private CommandResult runCaptured(Command command, Map<String, String> env, String setsid) {
    Capture capture;
    try {
      capture = PipeCapture.usable() ? PipeCapture.open() : new StreamCapture();
    } catch (IOException e) {
      return CommandResult.notStarted(command.program() + ": cannot make pipes: " + e.getMessage());
    }
    long start = System.nanoTime();
    try {
      Launcher launcher = new Launcher(command.workdir(), capture::redirect, capture::started);
      Outcome o = execute(launcher, capture, command, env, setsid);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (o.failure() != null) {
        return CommandResult.notStarted(command.program() + ": " + o.failure());
      }
      return o.killed()
          ? CommandResult.timedOut(capture.stdout(), capture.stderr(), elapsed)
          : CommandResult.exited(o.exit(), capture.stdout(), capture.stderr(), elapsed);
    } finally {
      capture.closeAll();
    }
  }

  private CommandResult runToLog(
      Command command, Map<String, String> env, String setsid, OutputLog log) {
    long start = System.nanoTime();
    Launcher launcher =
        new Launcher(
            command.workdir(),
            b -> {
              b.redirectOutput(ProcessBuilder.Redirect.appendTo(log.forChild().toFile()));
              b.redirectErrorStream(true);
            },
            () -> {});
    Outcome o = execute(launcher, new NoStreams(), command, env, setsid);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (o.failure() != null) {
      return CommandResult.notStarted(command.program() + ": " + o.failure());
    }
    String output = log.appended(KEEP_BYTES);
    return o.killed()
        ? CommandResult.timedOut("", output, elapsed)
        : CommandResult.exited(o.exit(), "", output, elapsed);
  }

  /** How a run ended: an exit status, killed at the timeout, or a reason it did not start. */
  private record Outcome(int exit, boolean killed, String failure) {}

  private static Outcome execute(
      Launcher launcher,
      ExecuteStreamHandler streams,
      Command command,
      Map<String, String> env,
      String setsid) {
    TreeKillingWatchdog watchdog = new TreeKillingWatchdog(command.timeout());
    launcher.setExitValues(null);
    launcher.setWatchdog(watchdog);
    launcher.setStreamHandler(streams);
    try {
      int exit = launcher.execute(toCommandLine(command, setsid), env);
      return new Outcome(exit, watchdog.killedProcess(), null);
    } catch (IOException e) {
      return new Outcome(-1, false, rootMessage(e));
    }
  }

  private static CommandLine toCommandLine(Command command, String setsid) {
    CommandLine line = new CommandLine(setsid);
    line.addArgument("-w", false);
    for (String arg : command.argv()) {
      line.addArgument(arg, false);
    }
    return line;
  }

  /**
   * The whole environment of the command: a fixed PATH, the home and names of the account it runs
   * as, a locale, and the command's own additions.
   */
  static Map<String, String> environment(Command command) {
    String self = System.getProperty("user.name");
    String user = command.user() == null ? self : command.user();
    String home =
        Users.home(user)
            .map(Path::toString)
            .orElse(user.equals(self) ? System.getProperty("user.home") : "/");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", SAFE_PATH);
    env.put("HOME", home);
    env.put("USER", user);
    env.put("LOGNAME", user);
    env.put("LANG", LANG);
    env.putAll(command.env());
    return env;
  }

  /**
   * Why the program cannot be started (as {@code ProcessBuilder} would say), or empty when it can:
   * {@code setsid} would start anyway and only then fail to run it.
   */
  private static Optional<String> findProgram(Command command, String path) {
    String program = command.program();
    if (program.contains("/")) {
      Path p = Path.of(program);
      if (!p.isAbsolute() && command.workdir() != null) {
        p = Path.of(command.workdir()).resolve(p);
      }
      return runnable(program, p);
    }
    for (String dir : (path == null ? "" : path).split(":")) {
      if (!dir.isEmpty() && runnable(program, Path.of(dir, program)).isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(program + ": error=2, No such file or directory (looked in " + path + ")");
  }

  /** Why the file cannot be run as the program, or empty when it can. */
  private static Optional<String> runnable(String program, Path p) {
    if (!Files.exists(p)) {
      return Optional.of(program + ": error=2, No such file or directory");
    }
    if (Files.isDirectory(p) || !Files.isExecutable(p)) {
      return Optional.of(program + ": error=13, Permission denied");
    }
    return Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    int at = message.indexOf("error=");
    return at >= 0 ? message.substring(at) : message;
  }

  /** Starts the process with its own redirections, stdin from {@code /dev/null}. */
  private static final class Launcher extends DefaultExecutor {
    private final String workdir;
    private final java.util.function.Consumer<ProcessBuilder> redirect;
    private final Runnable started;

    @SuppressWarnings("deprecation")
    Launcher(
        String workdir, java.util.function.Consumer<ProcessBuilder> redirect, Runnable started) {
      this.workdir = workdir;
      this.redirect = redirect;
      this.started = started;
    }

    @Override
    protected Process launch(CommandLine command, Map<String, String> env, File dir)
        throws IOException {
      return launch(command, env, dir == null ? null : dir.toPath());
    }

    @Override
    protected Process launch(CommandLine command, Map<String, String> env, Path dir)
        throws IOException {
      ProcessBuilder builder = new ProcessBuilder(command.toStrings());
      builder.environment().clear();
      builder.environment().putAll(env);
      if (workdir != null) {
        builder.directory(new File(workdir));
      }
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      redirect.accept(builder);
      Process p = builder.start();
      started.run();
      return p;
    }
  }

  /** For output that goes to a log file: there are no streams to pump. */
  private static final class NoStreams implements ExecuteStreamHandler {
    @Override
    public void setProcessInputStream(OutputStream os) {}

    @Override
    public void setProcessErrorStream(InputStream is) {}

    @Override
    public void setProcessOutputStream(InputStream is) {}

    @Override
    public void start() {}

    @Override
    public void stop() {}
  }

  /** How stdout and stderr are captured while a command runs. */
  private interface Capture extends ExecuteStreamHandler {
    /** Sets the child's stdout and stderr on the builder. */
    void redirect(ProcessBuilder builder);

    /** Called in the parent right after the child started. */
    void started();

    String stdout();

    String stderr();

    /** Releases everything, whatever happened. */
    void closeAll();

    @Override
    default void setProcessInputStream(OutputStream os) {}

    @Override
    default void setProcessErrorStream(InputStream is) {}

    @Override
    default void setProcessOutputStream(InputStream is) {}
  }

  /**
   * stdout and stderr through two pipes the runner makes itself (so it can stop reading whenever it
   * wants, which a blocking read of {@code Process.getInputStream()} does not allow): the child
   * gets the write ends as {@code /proc/self/fd/N}, which the JVM opens before it forks; one thread
   * reads both read ends with a selector into {@link Tail}s.
   */
  private static final class PipeCapture implements Capture {
    private static final Optional<Field> CHANNEL_FD =
        OpenFiles.field("sun.nio.ch.SinkChannelImpl", "fd");
    private static final Optional<Field> FD_INT = OpenFiles.field("java.io.FileDescriptor", "fd");

    private final Pipe out;
    private final Pipe err;
    private final Tail outTail = new Tail();
    private final Tail errTail = new Tail();
    private final Selector selector;
    private Thread pump;
    private volatile boolean stopping;

    private PipeCapture(Pipe out, Pipe err, Selector selector) {
      this.out = out;
      this.err = err;
      this.selector = selector;
    }

    /** Whether the JVM lets us see pipe descriptors (the jar's manifest opens the packages). */
    static boolean usable() {
      return CHANNEL_FD.isPresent() && FD_INT.isPresent();
    }

    static PipeCapture open() throws IOException {
      Pipe out = Pipe.open();
      Pipe err = Pipe.open();
      Selector selector = Selector.open();
      out.source().configureBlocking(false);
      err.source().configureBlocking(false);
      out.source().register(selector, SelectionKey.OP_READ);
      err.source().register(selector, SelectionKey.OP_READ);
      return new PipeCapture(out, err, selector);
    }

    private static File procPath(Pipe.SinkChannel sink) {
      try {
        int fd = FD_INT.orElseThrow().getInt(CHANNEL_FD.orElseThrow().get(sink));
        return new File("/proc/self/fd/" + fd);
      } catch (IllegalAccessException | RuntimeException e) {
        throw new IllegalStateException("cannot see the descriptor of a pipe", e);
      }
    }

    @Override
    public void redirect(ProcessBuilder builder) {
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(procPath(out.sink())));
      builder.redirectError(ProcessBuilder.Redirect.appendTo(procPath(err.sink())));
    }

    /** The child has its copies of the write ends: ours must go, or the pipes never reach EOF. */
    @Override
    public void started() {
      closeQuietly(out.sink());
      closeQuietly(err.sink());
    }

    @Override
    public void start() {
      pump = new Thread(this::pump, "watchdog-menu-output");
      pump.setDaemon(true);
      pump.start();
    }

    private void pump() {
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      int open = 2;
      try {
        while (!stopping && open > 0) {
          selector.select(100);
          for (SelectionKey key : selector.selectedKeys()) {
            Pipe.SourceChannel source = (Pipe.SourceChannel) key.channel();
            Tail tail = source == out.source() ? outTail : errTail;
            buf.clear();
            int n = source.read(buf);
            if (n < 0) {
              key.cancel();
              closeQuietly(source);
              open--;
            } else if (n > 0) {
              tail.add(buf.array(), n);
            }
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException | RuntimeException e) {
        // the pipes were closed under us: what was read is kept
      }
    }

    /**
     * The command has exited: the pipes get {@value #GRACE_MILLIS} ms more to reach their end (a
     * daemon it started may hold them open for ever), then reading stops.
     */
    @Override
    public void stop() {
      if (pump == null) {
        return;
      }
      try {
        pump.join(GRACE_MILLIS);
        stopping = true;
        selector.wakeup();
        pump.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public String stdout() {
      return outTail.text();
    }

    @Override
    public String stderr() {
      return errTail.text();
    }

    @Override
    public void closeAll() {
      stopping = true;
      selector.wakeup();
      closeQuietly(selector);
      closeQuietly(out.sink());
      closeQuietly(err.sink());
      closeQuietly(out.source());
      closeQuietly(err.source());
    }
  }

  /**
   * The fallback when the JVM hides pipe descriptors: the JVM's own pipes, one reading thread each.
   * A blocking read cannot be stopped, so after the grace the threads are left to end when the
   * daemon holding the pipe writes or exits; the process's streams are closed all the same.
   */
  private static final class StreamCapture implements Capture {
    private final Tail outTail = new Tail();
    private final Tail errTail = new Tail();
    private final List<Thread> readers = new java.util.ArrayList<>();
    private final List<InputStream> streams = new java.util.ArrayList<>();

    @Override
    public void redirect(ProcessBuilder builder) {
      builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
      builder.redirectError(ProcessBuilder.Redirect.PIPE);
    }

    @Override
    public void started() {}

    @Override
    public void setProcessOutputStream(InputStream is) {
      read(is, outTail);
    }

    @Override
    public void setProcessErrorStream(InputStream is) {
      read(is, errTail);
    }

    private void read(InputStream in, Tail tail) {
      streams.add(in);
      Thread t =
          new Thread(
              () -> {
                byte[] buf = new byte[64 * 1024];
                try {
                  int n;
                  while ((n = in.read(buf)) >= 0) {
                    synchronized (tail) {
                      tail.add(buf, n);
                    }
                  }
                } catch (IOException e) {
                  // closed after the grace
                }
              },
              "watchdog-menu-output");
      t.setDaemon(true);
      readers.add(t);
    }

    @Override
    public void start() {
      readers.forEach(Thread::start);
    }

    @Override
    public void stop() {
      long end = System.nanoTime() + GRACE_MILLIS * 1_000_000;
      try {
        for (Thread t : readers) {
          long left = (end - System.nanoTime()) / 1_000_000;
          if (left > 0) {
            t.join(left);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public String stdout() {
      synchronized (outTail) {
        return outTail.text();
      }
    }

    @Override
    public String stderr() {
      synchronized (errTail) {
        return errTail.text();
      }
    }

    @Override
    public void closeAll() {
      streams.forEach(ExecCommandRunner::closeQuietly);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing our end of a pipe cannot lose anything
    }
  }

  /** The last {@value #KEEP_BYTES} bytes written to it; older bytes are overwritten. */
  static final class Tail {
    private final byte[] ring = new byte[KEEP_BYTES];
    private long total;

    void add(byte[] bytes, int n) {
      int from = Math.max(0, n - KEEP_BYTES);
      total += from;
      for (int i = from; i < n; ) {
        int at = (int) (total % KEEP_BYTES);
        int chunk = Math.min(n - i, KEEP_BYTES - at);
        System.arraycopy(bytes, i, ring, at, chunk);
        i += chunk;
        total += chunk;
      }
    }

    String text() {
      if (total <= KEEP_BYTES) {
        return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
      }
      int at = (int) (total % KEEP_BYTES);
      byte[] ordered = new byte[KEEP_BYTES];
      System.arraycopy(ring, at, ordered, 0, KEEP_BYTES - at);
      System.arraycopy(ring, 0, ordered, KEEP_BYTES - at, at);
      return new String(ordered, 0, KEEP_BYTES, StandardCharsets.UTF_8);
    }
  }

  /**
   * On timeout, kills the process, its whole tree and its session (see {@link
   * ProcessTree#killCommand}). It keeps its own record of the kill: Commons Exec counts a timeout
   * only when the process is still alive when it looks, which it no longer is.
   */
  private static final class TreeKillingWatchdog extends ExecuteWatchdog {
    private Process process;
    private boolean killed;

    @SuppressWarnings("deprecation")
    TreeKillingWatchdog(Duration timeout) {
      super(timeout.toMillis());
    }

    @Override
    public synchronized void start(Process processToMonitor) {
      this.process = processToMonitor;
      super.start(processToMonitor);
    }

    @Override
    public synchronized void timeoutOccured(Watchdog w) {
      if (process != null && process.isAlive()) {
        killed = true;
        ProcessTree.killCommand(process.toHandle());
      }
      super.timeoutOccured(w);
    }

    @Override
    public synchronized boolean killedProcess() {
      return killed || super.killedProcess();
    }
  }
}
