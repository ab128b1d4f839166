package org.watchdogmenu.os;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.Watchdog;

/**
 * Runs commands with Apache Commons Exec, with two changes that matter on a server:
 *
 * <ul>
 *   <li>a timeout kills the whole process tree, not only the direct child (Commons Exec's own
 *       watchdog leaves grandchildren running and keeps waiting for their pipes);
 *   <li>output goes to temporary files instead of pipes, so a restart script that starts a daemon
 *       in the background returns as soon as the script itself exits, and the daemon never dies of
 *       a broken pipe later.
 * </ul>
 */
public final class ExecCommandRunner implements CommandRunner {
  private static final int KEEP_BYTES = 64 * 1024;

  @Override
  public CommandResult run(Command command) {
    if (command.workdir() != null && !Files.isDirectory(Path.of(command.workdir()))) {
      return CommandResult.notStarted("working folder " + command.workdir() + " does not exist");
    }
    long start = System.nanoTime();
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("watchdog-menu-", ".out");
      err = Files.createTempFile("watchdog-menu-", ".err");
      TreeKillingWatchdog watchdog = new TreeKillingWatchdog(command.timeout());
      RedirectingExecutor executor = new RedirectingExecutor(out, err, command.workdir());
      executor.setExitValues(null);
      executor.setWatchdog(watchdog);
      executor.setStreamHandler(new PumpStreamHandler(null, null, null));
      int exit = executor.execute(toCommandLine(command), environment(command));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (watchdog.killedProcess()) {
        return CommandResult.timedOut(tail(out), tail(err), elapsed);
      }
      return CommandResult.exited(exit, tail(out), tail(err), elapsed);
    } catch (IOException e) {
      return CommandResult.notStarted(command.program() + ": " + rootMessage(e));
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static CommandLine toCommandLine(Command command) {
    CommandLine line = new CommandLine(command.program());
    for (String arg : command.argv().subList(1, command.argv().size())) {
      line.addArgument(arg, false);
    }
    return line;
  }

  private static Map<String, String> environment(Command command) {
    if (command.env().isEmpty()) {
      return null;
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(command.env());
    return env;
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

  /** The last {@value #KEEP_BYTES} bytes of a file, as text. */
  private static String tail(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      long from = Math.max(0, length - KEEP_BYTES);
      byte[] bytes = new byte[(int) (length - from)];
      f.seek(from);
      f.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }

  /** Starts the process with stdout and stderr sent to files and stdin empty. */
  private static final class RedirectingExecutor extends DefaultExecutor {
    private final Path out;
    private final Path err;
    private final String workdir;

    @SuppressWarnings("deprecation")
    RedirectingExecutor(Path out, Path err, String workdir) {
      this.out = out;
      this.err = err;
      this.workdir = workdir;
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
      if (env != null) {
        builder.environment().clear();
        builder.environment().putAll(env);
      }
      if (workdir != null) {
        builder.directory(new File(workdir));
      }
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.redirectOutput(out.toFile());
      builder.redirectError(err.toFile());
      return builder.start();
    }
  }

  /**
   * On timeout, kills the process and its whole tree (see {@link ProcessTree#kill}). It keeps its
   * own record of the kill: Commons Exec counts a timeout only when the process is still alive when
   * it looks, which it no longer is.
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
        ProcessTree.kill(process.toHandle());
      }
      super.timeoutOccured(w);
    }

    @Override
    public synchronized boolean killedProcess() {
      return killed || super.killedProcess();
    }
  }
}
