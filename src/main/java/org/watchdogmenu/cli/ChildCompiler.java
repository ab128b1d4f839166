package org.watchdogmenu.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.monitor.TargetCompiler;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.HostRoot;

/**
 * Compiles targets in a short child process of the same program, {@code java -jar JAR --root ROOT
 * compile TARGET...} ({@link CompileCommand}), so that the YAML parsers it needs leave with it and
 * the long-running monitor stays small. Like every command the tool runs, it gets a small clean
 * environment. Run from anything but one jar (a class folder), it compiles in this process.
 */
final class ChildCompiler implements TargetCompiler {
  /** How long the child may take; whatever it did not compile is read through the catalog. */
  static final Duration LIMIT = Duration.ofMinutes(2);

  /**
   * The child's JVM: quick to start, small, and told nothing by the monitor's environment (commands
   * get a clean one).
   */
  private static final List<String> JVM =
      List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

  private final CommandRunner runner;
  private final String java;
  private final Path jar;

  private ChildCompiler(CommandRunner runner, String java, Path jar) {
    this.runner = runner;
    this.java = java;
    this.jar = jar;
  }

  /** A child compiler when this process runs from one jar; else one that compiles in process. */
  static TargetCompiler of(CommandRunner runner) {
    Optional<String> java = ProcessHandle.current().info().command();
    String classPath = System.getProperty("java.class.path", "");
    if (java.isEmpty()
        || classPath.contains(File.pathSeparator)
        || !classPath.endsWith(".jar")
        || !Files.isRegularFile(Path.of(classPath))) {
      return TargetCompiler.inProcess();
    }
    return new ChildCompiler(runner, java.get(), Path.of(classPath).toAbsolutePath());
  }

  @Override
  public void compile(HostRoot root, List<String> ids) {
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.addAll(JVM);
    argv.add("-jar");
    argv.add(jar.toString());
    argv.add("--root");
    argv.add(root.dir().toAbsolutePath().toString());
    argv.add(CompileCommand.NAME);
    argv.addAll(ids);
    runner.run(Command.of(LIMIT, argv)); // the monitor reads what it compiled
  }
}
