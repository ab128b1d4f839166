package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real jar: target files root cannot trust sit next to a good one (a FIFO, a link to
 * /dev/zero, an 8 MB single-line file, a 0666 file, a file of a real second account). Each is
 * refused in one line; {@code check good} still runs quickly and passes; {@code list} and {@code
 * doctor} name every bad file with its reason; a program another account can change is warned of;
 * no Java exception or stack trace reaches any output.
 */
class HostileSiteFilesIT {
  private static final String GOOD =
      "id: good\n"
          + "service: {kind: command, restart: [\"/bin/true\"]}\n"
          + "probes:\n"
          + "  - type: command\n"
          + "    command: [\"/bin/true\"]\n";

  @TempDir Path dir;
  private Sandbox sandbox;
  private Path targets;
  private final String user = "wdmit" + Long.toString(System.nanoTime() % 1_000_000L, 36);

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    sandbox.target("good", GOOD);
    targets = sandbox.path("/etc/watchdog-menu/targets");
    assertThat(run("useradd", "-M", "-s", "/usr/sbin/nologin", user)).isZero();
  }

  @AfterEach
  void tearDown() throws Exception {
    run("userdel", user);
  }

  private static int run(String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static void assertNoJavaInternals(Jar.Run run) {
    for (String out : List.of(run.out(), run.err())) {
      assertThat(out)
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("OutOfMemoryError")
          .doesNotContain("java.");
    }
  }

  private void plantEveryBadKind() throws Exception {
    Path fifo = targets.resolve("pipe.yaml");
    assertThat(run("mkfifo", fifo.toString())).isZero();
    Files.createSymbolicLink(targets.resolve("zero.yaml"), Path.of("/dev/zero"));
    Files.writeString(targets.resolve("huge.yaml"), "id: huge\ntitle: " + "x".repeat(8 << 20));
    Path world = sandbox.target("world", GOOD.replace("good", "world"));
    Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rw-rw-rw-"));
    Path theirs = sandbox.target("theirs", GOOD.replace("good", "theirs"));
    assertThat(run("chown", user, theirs.toString())).isZero();
  }

  @Test
  void checkOfTheGoodTargetPassesQuicklyNextToEveryBadKind() throws Exception {
    plantEveryBadKind();

    Jar.Run check = Jar.run(sandbox.root, "check", "good", "--no-restart");

    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("=== Health Check PASSED: Service is healthy ===");
    // before: the FIFO hung every command, /dev/zero ended it in OutOfMemoryError, and the 8 MB
    // line took 44 s; a JVM start on a busy 2-core machine takes a few seconds
    assertThat(check.millis()).isLessThan(20_000);
    assertNoJavaInternals(check);
  }

  @Test
  void listAndDoctorNameEveryBadFileWithItsReasonAndCheckOfOneIsUnknown() throws Exception {
    plantEveryBadKind();

    Jar.Run list = Jar.run(sandbox.root, "list");

    assertThat(list.exit()).as(list.out() + list.err()).isEqualTo(1);
    String out = list.out();
    assertThat(out).contains("Files that did not load:");
    String problems = out.substring(out.indexOf("Files that did not load:"));
    assertThat(problems.lines().skip(1).toList())
        .hasSize(5)
        .anyMatch(l -> l.contains("pipe.yaml: it is a FIFO, not a regular file"))
        .anyMatch(l -> l.contains("zero.yaml line 1: is a link to /dev/zero"))
        .anyMatch(l -> l.contains("huge.yaml: it is larger than 1 MiB"))
        .anyMatch(
            l -> l.contains("world.yaml: it is writable by everyone (mode 0666); run chmod go-w"))
        .anyMatch(
            l ->
                l.contains(
                    "theirs.yaml: it belongs to "
                        + user
                        + ", not root (wrong file owner); run"
                        + " chown root:root"));
    assertThat(out.lines())
        .anyMatch(l -> l.startsWith("  good "))
        .noneMatch(l -> l.startsWith("  world ") || l.startsWith("  theirs "));
    assertNoJavaInternals(list);

    Jar.Run doctor = Jar.run(sandbox.root, "doctor");
    assertThat(doctor.exit()).isEqualTo(1);
    assertThat(doctor.out())
        .contains("/etc/watchdog-menu/targets/pipe.yaml: does not load: ")
        .contains("/etc/watchdog-menu/targets/zero.yaml: does not load: ")
        .contains("/etc/watchdog-menu/targets/huge.yaml: does not load: ")
        .contains("/etc/watchdog-menu/targets/world.yaml: does not load: ")
        .contains("/etc/watchdog-menu/targets/theirs.yaml: does not load: ");
    assertNoJavaInternals(doctor);

    Jar.Run theirs = Jar.run(sandbox.root, "check", "theirs");
    assertThat(theirs.exit()).isEqualTo(3);
    assertThat(theirs.err().strip())
        .doesNotContain("\n")
        .contains("theirs.yaml", "belongs to " + user, "wrong file owner");
    assertNoJavaInternals(theirs);
  }

  @Test
  void aRestartCommandAnotherAccountCanChangeIsWarnedOfInListAndDoctor() throws Exception {
    Path home = Files.createDirectories(sandbox.path("/home/" + user));
    Path script = Files.writeString(home.resolve("restart.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(run("chown", "-R", user, home.toString())).isZero();
    sandbox.target(
        "risky",
        "id: risky\nservice: {kind: command, restart: [\"/home/" + user + "/restart.sh\"]}\n");
    String warning =
        "the restart command /home/"
            + user
            + "/restart.sh can be changed by "
            + user
            + " (owner of /home/"
            + user
            + "), and root runs it";

    Jar.Run list = Jar.run(sandbox.root, "list");
    assertThat(list.exit()).as(list.out() + list.err()).isZero();
    List<String> lines = list.out().lines().toList();
    int row = lines.indexOf(lines.stream().filter(l -> l.contains(" risky ")).findFirst().get());
    assertThat(lines.get(row + 1).strip()).isEqualTo("warning: " + warning);

    Jar.Run doctor = Jar.run(sandbox.root, "doctor");
    assertThat(doctor.exit()).isEqualTo(1);
    assertThat(doctor.out()).contains("target risky: warning: " + warning);

    Jar.Run enable = Jar.run(sandbox.root, "enable", "risky", "--health", "5m", "--dry-run");
    assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
    assertThat(enable.out()).contains(warning);
  }
}
