package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real jar running {@code monitor} in the background, with its output in a file. */
final class MonitorRun implements AutoCloseable {
  final Process process;
  private final Path out;

  private MonitorRun(Process process, Path out) {
    this.process = process;
    this.out = out;
  }

  static MonitorRun start(Sandbox sandbox, Path dir, String... targets) throws IOException {
    return start(sandbox, dir, Map.of(), targets);
  }

  /** The same with these environment variables set (JDK_JAVA_OPTIONS for its JVM). */
  static MonitorRun start(Sandbox sandbox, Path dir, Map<String, String> env, String... targets)
      throws IOException {
    Path out = Files.createTempFile(dir, "monitor", ".txt");
    String[] args = new String[targets.length + 1];
    args[0] = "monitor";
    System.arraycopy(targets, 0, args, 1, targets.length);
    return new MonitorRun(Jar.start(sandbox.root, out, env, args), out);
  }

  String output() throws IOException {
    return Files.readString(out) + Files.readString(out.resolveSibling(out.getFileName() + ".err"));
  }

  /** Waits until the output holds {@code text}, failing after {@code seconds}. */
  void awaitOutput(String text, int seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + text + "' after " + seconds + "s in:\n" + output());
  }

  /** How often {@code text} occurs in the output. */
  long count(String text) throws IOException {
    return output().lines().filter(l -> l.contains(text)).count();
  }

  void signal(String name) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  /** Sends SIGTERM and returns the exit code once the monitor is gone. */
  int stop(int seconds) throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(seconds, TimeUnit.SECONDS))
        .as("monitor stopped within " + seconds + "s")
        .isTrue();
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
