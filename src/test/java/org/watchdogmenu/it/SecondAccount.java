package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real second account on this machine (the attacker of the security tests): created with {@code
 * useradd -m} under a random name, commands run as it through {@code runuser}, removed with {@code
 * userdel -r} (and its processes ended, each by its pid) when closed, even after a failure. A JVM
 * shutdown hook removes an account a crashed test class left behind.
 */
final class SecondAccount implements AutoCloseable {
  /** What one command run as the account printed and returned. */
  record Result(int exit, String out, String err) {}

  private static final Set<SecondAccount> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(SecondAccount::close)));
  }

  final String name;
  final int uid;
  final int gid;

  /** The real home folder, as /etc/passwd names it (e.g. /home/wdmatkq3x9k2). */
  final Path home;

  private final List<Process> started = new ArrayList<>();
  private boolean closed;

  private SecondAccount(String name, int uid, int gid, Path home) {
    this.name = name;
    this.uid = uid;
    this.gid = gid;
    this.home = home;
  }

  /** Creates the account, or skips the test when this is not root or useradd is missing. */
  static SecondAccount create() throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "the security attacks need root (they create a second account)");
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/useradd"))
            && Files.isExecutable(Path.of("/usr/sbin/runuser")),
        "useradd and runuser are needed to play the second account");
    String name = "wdmatk" + suffix();
    Result r = exec(List.of("useradd", "-m", "-s", "/bin/sh", name), 30);
    assertThat(r.exit()).as("useradd " + name + ": " + r.err()).isZero();
    String line =
        Files.readAllLines(Path.of("/etc/passwd")).stream()
            .filter(l -> l.startsWith(name + ":"))
            .findFirst()
            .orElseThrow();
    String[] f = line.split(":", -1);
    SecondAccount a =
        new SecondAccount(name, Integer.parseInt(f[2]), Integer.parseInt(f[3]), Path.of(f[5]));
    OPEN.add(a);
    return a;
  }

  private static String suffix() {
    String letters = "abcdefghijkmnpqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append(letters.charAt(random.nextInt(letters.length())));
    }
    return sb.toString();
  }

  /** The account's line of the real /etc/passwd. */
  String passwdLine() throws IOException {
    return Files.readAllLines(Path.of("/etc/passwd")).stream()
        .filter(l -> l.startsWith(name + ":"))
        .findFirst()
        .orElseThrow();
  }

  /** The account's group line of the real /etc/group. */
  String groupLine() throws IOException {
    return Files.readAllLines(Path.of("/etc/group")).stream()
        .filter(l -> l.startsWith(name + ":"))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Adds the account to the sandbox's own /etc/passwd and /etc/group (the installer reads a home
   * from the root's passwd; the engine reads the machine's).
   */
  void addTo(Sandbox sandbox) throws IOException {
    Path passwd = sandbox.path("/etc/passwd");
    Path group = sandbox.path("/etc/group");
    Files.createDirectories(passwd.getParent());
    Files.writeString(
        passwd,
        (Files.exists(passwd) ? Files.readString(passwd) : "root:x:0:0:root:/root:/bin/sh\n")
            + passwdLine()
            + "\n");
    Files.writeString(
        group,
        (Files.exists(group) ? Files.readString(group) : "root:x:0:\n") + groupLine() + "\n");
  }

  /** Makes {@code path} (file or folder, not following a link) belong to the account. */
  void own(Path path) throws IOException {
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    view.setOwner(users.lookupPrincipalByName(name));
    view.setGroup(users.lookupPrincipalByGroupName(name));
  }

  /** Runs argv as the account and waits at most {@code seconds}. */
  Result run(long seconds, String... argv) throws IOException, InterruptedException {
    return exec(asAccount(argv), seconds);
  }

  /** Runs argv as the account and fails the test unless it exits 0. */
  Result must(String... argv) throws IOException, InterruptedException {
    Result r = run(30, argv);
    assertThat(r.exit())
        .as("as " + name + ": " + String.join(" ", argv) + ": " + r.out() + r.err())
        .isZero();
    return r;
  }

  /** Runs a python3 program (the system's, readable by every account) as the account. */
  Result python(String program, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "-c", program));
    argv.addAll(List.of(args));
    Result r = run(60, argv.toArray(String[]::new));
    assertThat(r.exit()).as("python3 as " + name + ": " + r.out() + r.err()).isZero();
    return r;
  }

  /**
   * Starts a python3 program as the account and returns once it printed its first line (e.g.
   * "ready"); the process is ended by its pid when the account is closed, or by {@link #stop}.
   */
  Process startPython(String program, String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "-u", "-c", program));
    argv.addAll(List.of(args));
    Process p =
        new ProcessBuilder(asAccount(argv.toArray(String[]::new)))
            .directory(Path.of("/").toFile())
            .redirectErrorStream(true)
            .start();
    started.add(p);
    return p;
  }

  /** Reads the first line the process printed, waiting at most {@code seconds}. */
  static String firstLine(Process p, long seconds) throws InterruptedException {
    StringBuilder sb = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try {
                int c;
                while ((c = p.getInputStream().read()) >= 0 && c != '\n') {
                  synchronized (sb) {
                    sb.append((char) c);
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    reader.join(TimeUnit.SECONDS.toMillis(seconds));
    synchronized (sb) {
      return sb.toString();
    }
  }

  /** Ends a process this account started (and its children), by pid. */
  static void stop(Process p) {
    p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<String> asAccount(String... argv) {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", name, "--"));
    all.addAll(List.of(argv));
    return all;
  }

  private static Result exec(List<String> argv, long seconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("wdm-account", ".out");
    Path err = Files.createTempFile("wdm-account", ".err");
    try {
      Process p =
          new ProcessBuilder(argv)
              .directory(Path.of("/").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", argv) + " did not finish in " + seconds + "s");
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Ends what the account still runs (each process by its pid), then {@code userdel -r}. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    started.forEach(SecondAccount::stop);
    for (int pass = 0; pass < 3; pass++) {
      ProcessHandle.allProcesses()
          .filter(p -> p.info().user().map(name::equals).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
    }
    try {
      Result r = exec(List.of("userdel", "-r", "-f", name), 30);
      // 12: the home could not be removed (already gone); 6: no such user
      if (r.exit() != 0 && r.exit() != 12 && r.exit() != 6) {
        System.err.println("userdel -r " + name + " exited " + r.exit() + ": " + r.err());
      }
    } catch (IOException | InterruptedException | AssertionError e) {
      System.err.println("userdel -r " + name + " failed: " + e);
    }
    OPEN.remove(this);
  }
}
