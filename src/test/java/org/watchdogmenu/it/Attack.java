package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the security attack tests share: jar runs that are always bounded in time, a sandbox the
 * second account can walk, files root owns outside the sandbox (sentinels) and snapshots of owner,
 * mode and content that prove nothing changed.
 */
final class Attack {
  /** How long a run that must not hang may take before it is killed and counted as a hang. */
  static final Duration HANG = Duration.ofSeconds(8);

  private Attack() {}

  /** A short random token, to find our own lines and processes among everything else. */
  static String token() {
    String letters = "abcdefghijkmnpqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      sb.append(letters.charAt(random.nextInt(letters.length())));
    }
    return sb.toString();
  }

  /**
   * A sandbox root under {@code dir} that another account can walk (0755 along the way), with a
   * sticky, world-writable {@code /var/tmp} as on a real host.
   */
  static Sandbox sandbox(Path dir) throws IOException {
    chmod(dir, "rwxr-xr-x");
    Path root = Files.createDirectories(dir.resolve("root"));
    chmod(root, "rwxr-xr-x");
    Sandbox s = new Sandbox(root);
    for (String d : List.of("/etc", "/etc/watchdog-menu", "/etc/watchdog-menu/targets", "/var")) {
      chmod(Files.createDirectories(s.path(d)), "rwxr-xr-x");
    }
    Path varTmp = Files.createDirectories(s.path("/var/tmp"));
    Files.setPosixFilePermissions(varTmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    // the sticky bit has no PosixFilePermission: chmod(1) sets it
    exec(List.of("chmod", "1777", varTmp.toString()));
    return s;
  }

  /** A folder in the sandbox that belongs to the account (its home, an app folder). */
  static Path accountFolder(Sandbox s, SecondAccount a, String hostPath) throws IOException {
    Path p = Files.createDirectories(s.path(hostPath));
    for (Path q = p; !q.equals(s.root); q = q.getParent()) {
      if (Files.getOwner(q, LinkOption.NOFOLLOW_LINKS).getName().equals("root")) {
        chmod(q, "rwxr-xr-x");
      }
    }
    a.own(p);
    chmod(p, "rwxr-xr-x");
    return p;
  }

  static void chmod(Path p, String perms) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }

  static void exec(List<String> argv) throws IOException {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(argv + " did not finish");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(argv + ": " + out).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  // ---------------------------------------------------------------- bounded jar runs

  /** Runs the jar, killing it (and its children) after {@code limit}: a hang fails the test. */
  static Jar.Run jar(Duration limit, Path root, String... args)
      throws IOException, InterruptedException {
    return jar(limit, root, Map.of(), args);
  }

  static Jar.Run jar(Path root, String... args) throws IOException, InterruptedException {
    return jar(Duration.ofSeconds(60), root, Map.of(), args);
  }

  /** As {@link #jar(Duration, Path, String...)}, with extra environment for the jar. */
  static Jar.Run jar(Duration limit, Path root, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Started s = start(root, env, args);
    return s.await(limit);
  }

  /** A jar run in progress. */
  record Started(Process process, Path out, List<String> args, long startNanos) {
    long pid() {
      return process.pid();
    }

    Jar.Run await(Duration limit) throws IOException, InterruptedException {
      Path err = out.resolveSibling(out.getFileName() + ".err");
      boolean done = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      long millis = (System.nanoTime() - startNanos) / 1_000_000;
      if (!done) {
        kill(process.toHandle());
        String sofar = Files.readString(out, StandardCharsets.UTF_8);
        String errSoFar = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        throw new AssertionError(
            "HANG: watchdog-menu "
                + String.join(" ", args)
                + " did not finish within "
                + limit.toSeconds()
                + "s and was killed; it printed:\n"
                + tail(sofar + errSoFar));
      }
      Jar.Run r =
          new Jar.Run(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8),
              millis);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return r;
    }
  }

  static Started start(Path root, Map<String, String> env, String... args) throws IOException {
    Path out = Files.createTempFile("wdm-attack", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(Jar.command(root, args))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile());
    pb.environment().putAll(env);
    long start = System.nanoTime();
    return new Started(pb.start(), out, List.of(args), start);
  }

  private static String tail(String s) {
    return s.length() > 3000 ? "..." + s.substring(s.length() - 3000) : s;
  }

  /** Kills a process we started and everything below it, by pid. */
  static void kill(ProcessHandle p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.onExit().get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // a zombie under a PID 1 that does not reap counts as dead
    }
  }

  /** Live (not zombie) processes whose command line holds {@code token}. */
  static List<ProcessHandle> processesWith(String token) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(token)).orElse(false))
        .filter(Attack::notZombie)
        .toList();
  }

  static boolean notZombie(ProcessHandle p) {
    try {
      String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
      String afterName = stat.substring(stat.lastIndexOf(')') + 2);
      return p.isAlive() && afterName.charAt(0) != 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Kills, by pid, every process whose command line holds our token (test clean-up). */
  static void killWith(String token) {
    processesWith(token).forEach(Attack::kill);
  }

  // ---------------------------------------------------------------- output checks

  /** Everything the run printed. */
  static String printed(Jar.Run r) {
    return r.out() + r.err();
  }

  /** Fails when a Java exception or stack trace reached the output. */
  static void noJavaTrace(Jar.Run r) {
    assertThat(printed(r))
        .as("a refusal is one clear line, not a Java exception")
        .doesNotContain("Exception")
        .doesNotContain("OutOfMemoryError")
        .doesNotContain("\tat org.")
        .doesNotContain("\tat java.");
  }

  /** Every regular file under {@code dir}, read as text (logs, state), for leak checks. */
  static String allText(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.toList()) {
        // a file with a second name is the attacker's planted hard link, not something the tool
        // wrote
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && (Integer) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS) == 1
            && Files.size(p) < 16_000_000) {
          sb.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- sentinels and snapshots

  /**
   * Owner, group, mode, type and content hash of every entry under each path (links not followed),
   * keyed by path. Two equal snapshots mean nothing there was created, removed, written, chmodded
   * or chowned.
   */
  static Map<String, String> snapshot(Path... roots) throws IOException {
    Map<String, String> all = new TreeMap<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        all.put(root.toString(), "absent");
        continue;
      }
      List<Path> paths;
      if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(root)) {
          paths = walk.toList();
        }
      } else {
        paths = List.of(root);
      }
      for (Path p : paths) {
        all.put(p.toString(), describe(p));
      }
    }
    return all;
  }

  static String describe(Path p) {
    try {
      PosixFileAttributes a =
          Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String type =
          a.isSymbolicLink()
              ? "link->" + Files.readSymbolicLink(p)
              : a.isDirectory() ? "dir" : a.isRegularFile() ? "file" : "other";
      String hash = a.isRegularFile() ? sha256(Files.readAllBytes(p)) : "-";
      return type
          + " "
          + a.owner().getName()
          + ":"
          + a.group().getName()
          + " "
          + PosixFilePermissions.toString(a.permissions())
          + " "
          + hash;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Root-only files outside the sandbox (in a 0700 folder under /root, as on a real host): what a
   * link planted by the second account would aim at.
   */
  static final class Sentinels implements AutoCloseable {
    final Path dir;
    final List<Path> files = new ArrayList<>();

    Sentinels() throws IOException {
      Path base = Path.of("/root");
      if (!Files.isDirectory(base) || !Files.isWritable(base)) {
        base = Path.of(System.getProperty("java.io.tmpdir"));
      }
      dir = base.resolve("wdm-attack-sentinels-" + token());
      Files.createDirectory(dir);
      chmod(dir, "rwx------");
    }

    /** A root-owned 0600 file with a secret in it. */
    Path file(String name, String content) throws IOException {
      Path p = dir.resolve(name);
      Files.writeString(p, content);
      chmod(p, "rw-------");
      files.add(p);
      return p;
    }

    /** A root-owned 0755 folder, as /etc/systemd/system or /etc/cron.d. */
    Path folder(String name) throws IOException {
      Path p = dir.resolve(name);
      Files.createDirectory(p);
      chmod(p, "rwxr-xr-x");
      return p;
    }

    Map<String, String> snapshot() throws IOException {
      return Attack.snapshot(dir);
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  // ---------------------------------------------------------------- predictable temp names

  /** The pid the next process will get, as far as the kernel tells (its last pid + 1). */
  static long nextPid() throws IOException {
    return Long.parseLong(Files.readString(Path.of("/proc/sys/kernel/ns_last_pid")).strip()) + 1;
  }

  /**
   * The second account plants {@code .NAME.tmp-PID -> aim} in {@code dir} for a window of pids from
   * {@code from}: the temp name the old AtomicFile used.
   */
  static void spray(SecondAccount a, Path dir, String name, Path aim, long from, int count)
      throws IOException, InterruptedException {
    a.python(
        "import os, sys\n"
            + "d, name, aim, lo, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]),"
            + " int(sys.argv[5])\n"
            + "for pid in range(lo, lo + n):\n"
            + "    try:\n"
            + "        os.symlink(aim, os.path.join(d, '.' + name + '.tmp-' + str(pid)))\n"
            + "    except FileExistsError:\n"
            + "        pass\n",
        dir.toString(),
        name,
        aim.toString(),
        String.valueOf(from),
        String.valueOf(count));
  }
}
