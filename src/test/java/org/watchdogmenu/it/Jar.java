package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built jar as a separate process, as cron or a person would. */
final class Jar {
  /** What one run printed and returned. */
  record Run(int exit, String out, String err, long millis) {}

  private Jar() {}

  static Path jar() {
    String path = System.getProperty("watchdog.jar");
    assertThat(path).as("system property watchdog.jar (set by the build)").isNotNull();
    Path jar = Path.of(path);
    assertThat(jar).as("the packaged jar; run 'mvn verify'").exists();
    return jar;
  }

  static List<String> command(Path root, String... args) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "java",
                "-Djava.awt.headless=true",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toString()));
    argv.add("--root");
    argv.add(root.toString());
    argv.addAll(List.of(args));
    return argv;
  }

  static Process start(Path root, Path outFile, String... args) throws IOException {
    return start(root, outFile, Map.of(), args);
  }

  /** A run in the background with these environment variables set (e.g. JDK_JAVA_OPTIONS). */
  static Process start(Path root, Path outFile, Map<String, String> env, String... args)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command(root, args))
            .redirectErrorStream(false)
            .redirectOutput(outFile.toFile())
            .redirectError(outFile.resolveSibling(outFile.getFileName() + ".err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  static Run run(Path root, String... args) throws IOException, InterruptedException {
    return finish(root, null, Map.of(), args);
  }

  /** A run as another account ({@code runuser -u USER}), as a person without sudo would. */
  static Run runAs(String user, Path root, String... args)
      throws IOException, InterruptedException {
    return finish(root, user, Map.of(), args);
  }

  /** A run with these environment variables set (e.g. a PATH without /usr/sbin). */
  static Run run(Path root, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return finish(root, null, env, args);
  }

  private static Run finish(Path root, String user, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("wdm-out", ".txt");
    long start = System.nanoTime();
    List<String> argv = new ArrayList<>();
    if (user != null) {
      argv.addAll(List.of("runuser", "-u", user, "--"));
    }
    argv.addAll(command(root, args));
    if (env.containsKey("PATH")) {
      // the tool gives its commands a fixed PATH: this one stands in for it
      argv.add(argv.indexOf("java") + 1, "-Dwatchdogmenu.path=" + env.get("PATH"));
    }
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .redirectOutput(out.toFile())
            .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "watchdog-menu " + String.join(" ", args) + " did not finish in 120s");
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Path err = out.resolveSibling(out.getFileName() + ".err");
    Run r =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8),
            millis);
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
