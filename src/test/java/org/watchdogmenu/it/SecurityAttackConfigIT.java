package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Security issue, items 6 and 7: files that decide what root runs, and files another account
 * controls that root reads.
 *
 * <ul>
 *   <li>a target file owned by a user, or group/world-writable (or in such a folder), was loaded,
 *       and its restart script in /home ran as root, with no word from {@code list} or {@code
 *       doctor}. Expected: refused in one line naming it, by {@code check} (exit 3), {@code list}
 *       and {@code doctor}; a root-owned target running a user's script is at least named.
 *   <li>one bad file in the targets folder (a FIFO, a link to /dev/zero, a single 8 MB line, 50 MB
 *       of YAML) stopped or slowed the checks of every other target. Expected: refused in one line;
 *       other targets' {@code check} still quick.
 *   <li>{@code ~/.pm2/pm2.pid} as a FIFO hung {@code check}; as a link to /dev/zero it ended in
 *       OutOfMemoryError. Expected: bounded, one line naming it.
 *   <li>ESC/OSC sequences from an application's log reached the health log and the terminal raw.
 * </ul>
 */
class SecurityAttackConfigIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final String EVIL = "/etc/watchdog-menu/targets/evil.yaml";
  private static SecondAccount account;

  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeAll
  static void createAccount() throws Exception {
    account = SecondAccount.create();
  }

  @AfterAll
  static void removeAccount() {
    if (account != null) {
      account.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    sandbox = Attack.sandbox(dir);
  }

  // ------------------------------------------------------------------ item 6

  /** How the target file escapes root's control. */
  enum Loose {
    USER_OWNED_0666,
    USER_OWNED_0644,
    ROOT_OWNED_0666,
    ROOT_OWNED_0664,
    FOLDER_0777
  }

  /**
   * The user's restart script, in the real home and in the sandbox's (whichever a check reads): it
   * records the uid it ran as.
   */
  private Path usersScript(String token) throws Exception {
    String script = account.home + "/restart-" + token + ".sh";
    Path proof = account.home.resolve("ran-as-" + token + ".txt");
    String body = "#!/bin/sh\nid -u > " + proof + "\n";
    for (Path p : new Path[] {Path.of(script), sandbox.path(script)}) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, body);
      Attack.chmod(p, "rwxr-xr-x");
      account.own(p);
    }
    Path sandboxHome = sandbox.path(account.home.toString());
    account.own(sandboxHome);
    return proof;
  }

  private String evilTarget(String token) {
    return String.join(
        "\n",
        "id: evil",
        "service:",
        "  kind: command",
        "  restart: [\"" + account.home + "/restart-" + token + ".sh\"]",
        "probes:",
        "  - {type: command, command: [\"/bin/false\"]}",
        "policy: {retries: 1, grace: 500ms, lock_timeout: 2s}",
        "");
  }

  @ParameterizedTest
  @EnumSource(Loose.class)
  void aTargetFileRootDoesNotControlIsRefusedAndNamed(Loose loose) throws Exception {
    String token = Attack.token();
    Path proof = usersScript(token);
    Path file = sandbox.target("evil", evilTarget(token));
    switch (loose) {
      case USER_OWNED_0666 -> {
        account.own(file);
        Attack.chmod(file, "rw-rw-rw-");
      }
      case USER_OWNED_0644 -> account.own(file);
      case ROOT_OWNED_0666 -> Attack.chmod(file, "rw-rw-rw-");
      case ROOT_OWNED_0664 -> Attack.chmod(file, "rw-rw-r--");
      case FOLDER_0777 -> Attack.chmod(file.getParent(), "rwxrwxrwx");
    }
    String named = loose == Loose.FOLDER_0777 ? "/etc/watchdog-menu/targets" : EVIL;

    Jar.Run check = Attack.jar(LIMIT, sandbox.root, "check", "evil");
    assertThat(proof)
        .as("the user's script ran (as %s): %s", readOr(proof), Attack.printed(check))
        .doesNotExist();
    assertThat(check.exit()).as("UNKNOWN: " + Attack.printed(check)).isEqualTo(3);
    assertThat(Attack.printed(check)).contains(named);
    Attack.noJavaTrace(check);

    Jar.Run list = Attack.jar(LIMIT, sandbox.root, "list");
    assertThat(Attack.printed(list)).as("list").contains(named);
    Attack.noJavaTrace(list);

    Jar.Run doctor = Attack.jar(LIMIT, sandbox.root, "doctor");
    assertThat(Attack.printed(doctor)).as("doctor").contains(named);
    Attack.noJavaTrace(doctor);
  }

  @Test
  void aRootOwnedTargetWhoseRestartRunsAUsersScriptIsNamedByListOrDoctor() throws Exception {
    String token = Attack.token();
    usersScript(token);
    sandbox.target("evil", evilTarget(token));

    Jar.Run list = Attack.jar(LIMIT, sandbox.root, "list");
    Jar.Run doctor = Attack.jar(LIMIT, sandbox.root, "doctor");

    String script = account.home + "/restart-" + token + ".sh";
    // list's own row of the target shows its restart command anyway: a word about it is any
    // other line of list or doctor that names the script
    assertThat(
            (Attack.printed(list) + "\n" + Attack.printed(doctor))
                .lines()
                .filter(l -> l.contains(script))
                .filter(l -> !l.matches("\\s*evil\\s+evil\\s+.*")))
        .as(
            "a word that a script another account can change runs as root; list printed:\n%s\ndoctor"
                + " printed:\n%s",
            Attack.printed(list), Attack.printed(doctor))
        .isNotEmpty();
  }

  private static String readOr(Path p) {
    try {
      return Files.exists(p) ? "uid " + Files.readString(p).strip() : "-";
    } catch (Exception e) {
      return "?";
    }
  }

  // ------------------------------------------------------------------ item 7: bad target files

  /** A broken or hostile file in the targets folder. */
  enum BadFile {
    FIFO,
    LINK_TO_DEV_ZERO,
    ONE_LINE_OF_8_MB,
    YAML_OF_50_MB
  }

  @ParameterizedTest
  @EnumSource(BadFile.class)
  void oneBadFileInTheTargetsFolderDoesNotStopTheOthers(BadFile bad) throws Exception {
    sandbox.target(
        "ok",
        String.join(
            "\n",
            "id: ok",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: command, command: [\"/bin/true\"]}",
            "policy: {retries: 1}",
            ""));
    Path file = sandbox.path("/etc/watchdog-menu/targets/bad.yaml");
    switch (bad) {
      case FIFO -> Attack.exec(java.util.List.of("mkfifo", file.toString()));
      case LINK_TO_DEV_ZERO -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
      case ONE_LINE_OF_8_MB -> Files.writeString(file, "id: bad\ntitle: " + "a".repeat(8 << 20));
      case YAML_OF_50_MB -> {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
          f.write("id: bad\nservice: {kind: command, restart: [\"/bin/true\"]}\n".getBytes());
          byte[] line = ("# " + "x".repeat(76) + "\n").getBytes(StandardCharsets.US_ASCII);
          byte[] block = new byte[line.length * 1024];
          for (int i = 0; i < 1024; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
          }
          for (long written = 0; written < 50L << 20; written += block.length) {
            f.write(block);
          }
        }
      }
    }

    Jar.Run check = Attack.jar(Attack.HANG, sandbox.root, "check", "ok", "--no-restart");
    assertThat(check.exit()).as(Attack.printed(check)).isZero();
    assertThat(check.millis()).as("the other target's check stays quick").isLessThan(5000L);
    Attack.noJavaTrace(check);

    Jar.Run list = Attack.jar(Attack.HANG, sandbox.root, "list");
    assertThat(Attack.printed(list))
        .as("list names the refused file")
        .contains("/etc/watchdog-menu/targets/bad.yaml");
    assertThat(Attack.printed(list).length()).as("one line, not the file").isLessThan(20_000);
    Attack.noJavaTrace(list);
  }

  // ------------------------------------------------------------------ item 7: pm2.pid

  /** What the second account makes of its pm2 pid file. */
  enum PidFile {
    FIFO,
    LINK_TO_DEV_ZERO
  }

  @ParameterizedTest
  @EnumSource(PidFile.class)
  void aHostilePm2PidFileNeitherHangsNorExhaustsTheCheck(PidFile kind) throws Exception {
    Path home = Attack.accountFolder(sandbox, account, account.home.toString());
    Path pm2Dir = home.resolve(".pm2");
    account.must("mkdir", pm2Dir.toString());
    Path pid = pm2Dir.resolve("pm2.pid");
    switch (kind) {
      case FIFO -> account.must("mkfifo", pid.toString());
      case LINK_TO_DEV_ZERO -> account.must("ln", "-s", "/dev/zero", pid.toString());
    }
    sandbox.target(
        "pm2web",
        String.join(
            "\n",
            "id: pm2web",
            "service: {kind: pm2, app: web, user: " + account.name + "}",
            "probes:",
            "  - {type: pm2, timeout: 3s}",
            "policy: {retries: 1}",
            ""));

    Jar.Run r = Attack.jar(Attack.HANG, sandbox.root, "check", "pm2web", "--no-restart");

    Attack.noJavaTrace(r);
    assertThat(r.exit()).as(Attack.printed(r)).isIn(2, 3);
    assertThat(Attack.printed(r)).as("names the file it refused").contains(".pm2/pm2.pid");
  }

  // ------------------------------------------------------------------ item 7: escape sequences

  @Test
  void escapeSequencesInAnApplicationLogReachNeitherTheHealthLogNorTheTerminal() throws Exception {
    Path home = Attack.accountFolder(sandbox, account, account.home.toString());
    String hostLog = account.home + "/app.log";
    account.python(
        "import sys\nopen(sys.argv[1], 'w', encoding='utf-8').write(sys.argv[2])\n",
        home.resolve("app.log").toString(),
        "ERROR db down \u001b]0;owned-title\u0007\u001b[2J\u001b[1;31mRED\u001b[0m"
            + " \u009b31mC1\u009d0;t\u009c\n");
    sandbox.target(
        "logapp",
        String.join(
            "\n",
            "id: logapp",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: log-scan, file: " + hostLog + ", pattern: ERROR}",
            "policy: {retries: 1}",
            ""));

    Jar.Run r = Attack.jar(LIMIT, sandbox.root, "check", "logapp", "--no-restart");

    String logs = Attack.allText(sandbox.path("/var/log"));
    assertThat(Attack.printed(r)).as("the check saw the line").contains("ERROR db down");
    for (String where : new String[] {"terminal", "logs"}) {
      String text = where.equals("terminal") ? Attack.printed(r) : logs;
      assertThat(text)
          .as("control characters reaching the %s", where)
          .doesNotContain("\u001b")
          .doesNotContain("\u0007")
          .doesNotContain("\u009b")
          .doesNotContain("\u009d");
    }
  }
}
