package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands run as another account cannot reach the operator's terminal and see only a small clean
 * environment. With a real second account ({@code useradd}, removed afterwards) and the runner in a
 * JVM that runs under a real pseudo-terminal ({@code script}), as {@code sudo watchdog-menu} does
 * over SSH. The same JVM first runs the attack the old way, to show the machine allows it.
 */
class CommandIsolationIT {
  private static String user;
  private static Map<String, String> found;

  @BeforeAll
  static void runTheAttackUnderARealTerminal() throws Exception {
    for (String tool :
        List.of("/usr/bin/script", "/usr/sbin/useradd", "/usr/sbin/runuser", "/usr/bin/python3")) {
      assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is needed");
    }
    user = "wdm-tty-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    run("useradd", "-M", "-d", "/home/" + user, "-s", "/usr/sbin/nologin", user);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String line =
        String.join(
            " ",
            quoted(java),
            "--add-opens java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens java.base/java.io=ALL-UNNAMED",
            "-cp",
            quoted(System.getProperty("java.class.path")),
            TerminalAttackMain.class.getName(),
            user);
    ProcessBuilder pb = new ProcessBuilder("script", "-qec", line, "/dev/null");
    // what root's environment may hold when an operator runs the tool: none of it may pass
    pb.environment().put("SSH_AUTH_SOCK", "/tmp/ssh-agent.sock");
    pb.environment().put("NOTIFY_SOCKET", "/run/systemd/notify");
    pb.environment().put("DISPLAY", ":0");
    pb.environment().put("JDK_JAVA_OPTIONS", "-Dwatchdog.test=1");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    found = new HashMap<>();
    for (String l : out.split("\r?\n")) {
      int tab = l.indexOf('\t');
      if (tab > 0) {
        found.put(l.substring(0, tab).replaceAll("^[^A-Z]*", ""), l.substring(tab + 1).strip());
      }
    }
    assertThat(found).as(out).containsKeys("CONTROL", "RUNNER", "ENV_USER", "ENV_ROOT");
  }

  @AfterAll
  static void removeTheAccount() throws Exception {
    if (user != null) {
      run("userdel", user);
    }
  }

  @Test
  void theOldWayTheAttackWorksOnThisMachine() {
    assertThat(found.get("CONTROL")).contains("INJECTED via /dev/tty");
    assertThat(found.get("PS_CONTROL")).startsWith("pts/");
  }

  @Test
  void throughTheRunnerTheCommandHasNoTerminalToInjectInto() {
    assertThat(found.get("RUNNER"))
        .contains("tty_nr=0")
        .contains("/dev/tty: No such device or address")
        .contains("fd 0: Inappropriate ioctl for device")
        .doesNotContain("INJECTED");
    assertThat(found.get("PS_RUNNER")).isEqualTo("?");
  }

  @Test
  void asAnotherUserTheEnvironmentIsExactlyThatUsersBasics() {
    assertThat(env(found.get("ENV_USER")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PATH",
                ExecCommandRunner.SAFE_PATH,
                "HOME",
                "/home/" + user,
                "USER",
                user,
                "LOGNAME",
                user,
                "LANG",
                "C.UTF-8"));
  }

  @Test
  void asRootTheEnvironmentIsExactlyRootsBasics() {
    assertThat(env(found.get("ENV_ROOT")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PATH", ExecCommandRunner.SAFE_PATH,
                "HOME", "/root",
                "USER", "root",
                "LOGNAME", "root",
                "LANG", "C.UTF-8"));
  }

  /** {@code env} output, its newlines escaped to {@code \x0a} by the helper. */
  private static Map<String, String> env(String escaped) {
    return Arrays.stream(escaped.split("\\\\x0a"))
        .collect(
            Collectors.toMap(
                l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
  }

  private static void run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", argv) + ": " + out).isZero();
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
