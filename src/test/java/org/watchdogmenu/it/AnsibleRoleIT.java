package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ansible role in ansible/roles/watchdog_menu, run by the real ansible-playbook (Debian's
 * ansible-core) against two hosts: this machine through a local connection, and this machine again
 * through real SSH, to an sshd of the test's own on a loopback port. Each host has a temp root of
 * its own: the role installs the built jar there with install.sh --prefix and runs {@code
 * watchdog-menu apply --root} on it, so nothing outside the temp folder is touched.
 */
class AnsibleRoleIT {
  private static final Path ANSIBLE = Path.of("ansible").toAbsolutePath();
  private static final Pattern RECAP =
      Pattern.compile(
          "^(\\S+)\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)",
          Pattern.MULTILINE);
  private static final List<String> HOSTS = List.of("local-host", "ssh-host");

  /** The webhook address given to the role as a secret: it must never reach Ansible's output. */
  private static final String SECRET_URL = "https://hooks.example.com/services/T0/B0/s3cr3t-t0k3n";

  @TempDir Path dir;

  /** What one ansible-playbook run printed, and its PLAY RECAP by host. */
  record Play(int exit, String output, Map<String, Recap> recap) {
    Recap of(String host) {
      assertThat(recap).as(output).containsKey(host);
      return recap.get(host);
    }

    /** The lines Ansible printed for one task (its header to the next task's). */
    String task(String name) {
      int start = output.indexOf("TASK [watchdog_menu : " + name + "]");
      assertThat(start).as("task '" + name + "' in:\n" + output).isNotNegative();
      int end = output.indexOf("\nTASK [", start + 1);
      return output.substring(start, end < 0 ? output.length() : end);
    }
  }

  /** One host's line of the PLAY RECAP. */
  record Recap(int ok, int changed, int unreachable, int failed) {}

  @Test
  void theRoleAppliesOverLocalAndSshThenChangesNothingAndItsCheckModeWritesNothing()
      throws Exception {
    assumeAnsible();
    Path localRoot = Files.createDirectories(dir.resolve("local-root"));
    Path sshRoot = Files.createDirectories(dir.resolve("ssh-root"));
    try (LoopbackSshd sshd = LoopbackSshd.start(dir.resolve("sshd"))) {
      Path inventory = inventory(sshd, localRoot, sshRoot);
      Path playbook = playbook();

      Play first = play(inventory, playbook);
      assertThat(first.exit()).as(first.output()).isZero();
      for (String host : HOSTS) {
        Recap recap = first.of(host);
        assertThat(recap.failed() + recap.unreachable()).as(first.output()).isZero();
        assertThat(recap.changed()).as(first.output()).isPositive();
        assertThat(first.task("Run watchdog-menu apply")).contains("changed: [" + host + "]");
      }
      assertThat(sshd.log()).contains("Accepted publickey for root from 127.0.0.1");
      for (Path root : List.of(localRoot, sshRoot)) {
        assertAppliedOn(root);
      }
      assertThat(first.output()).doesNotContain("s3cr3t-t0k3n");

      Play second = play(inventory, playbook);
      assertThat(second.exit()).as(second.output()).isZero();
      for (String host : HOSTS) {
        Recap recap = second.of(host);
        assertThat(recap.failed() + recap.unreachable()).as(second.output()).isZero();
        assertThat(recap.changed()).as(second.output()).isZero();
      }

      Map<String, String> before = snapshot(localRoot, sshRoot);
      Path changed = dir.resolve("changed-vars.json");
      Files.writeString(
          changed,
          "{\"watchdog_menu_schedules\": {\"paqet-client\": {\"health\": \"10m\"},"
              + " \"svc-ansible\": {\"restart_at\": \"04:30\"}}}");
      Play check = play(inventory, playbook, "--check", "--diff", "-e", "@" + changed);
      assertThat(check.exit()).as(check.output()).isZero();
      for (String host : HOSTS) {
        Recap recap = check.of(host);
        assertThat(recap.failed() + recap.unreachable()).as(check.output()).isZero();
        assertThat(recap.changed()).as(check.output()).isPositive();
        assertThat(check.task("Run watchdog-menu apply")).contains("changed: [" + host + "]");
      }
      // apply's own diff of the cron file, shown by the role in diff mode
      String shown = check.task("Show what apply changes");
      assertThat(shown)
          .contains("replace /etc/cron.d/paqet-health-paqet-client")
          .contains("-*/5 * * * * root")
          .contains("+*/10 * * * * root");
      assertThat(check.output()).doesNotContain("s3cr3t-t0k3n");
      assertThat(snapshot(localRoot, sshRoot))
          .as("the roots after --check --diff: every file, mode and mtime as before")
          .isEqualTo(before);
    }
  }

  @Test
  void theExamplePlaybookChecksCleanOnTheTunnelPairAndThePm2Host() throws Exception {
    assumeAnsible();
    Map<String, Path> roots = new LinkedHashMap<>();
    for (String host : List.of("foreign-vps", "local-vps", "app-01")) {
      roots.put(host, Files.createDirectories(dir.resolve("example-" + host)));
    }
    // the PM2 host's account, in the accounts of its root (apply reads them under --root)
    Path etc = Files.createDirectories(roots.get("app-01").resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\nubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nubuntu:x:1000:\n");
    List<String> inventory = new ArrayList<>();
    inventory.addAll(
        List.of(
            "all:",
            "  vars:",
            "    ansible_connection: local",
            "    ansible_python_interpreter: /usr/bin/python3",
            "    watchdog_menu_install: false",
            "    watchdog_menu_command: [java, -jar, " + Jar.jar() + "]",
            "    vault_slack_ops_url: https://hooks.slack.com/services/T0/B0/v4ult-t0k3n",
            "  children:"));
    Map<String, String> groups =
        Map.of(
            "foreign-vps", "tunnel_servers", "local-vps", "tunnel_clients", "app-01", "pm2_hosts");
    roots.forEach(
        (host, root) ->
            inventory.addAll(
                List.of(
                    "    " + groups.get(host) + ":",
                    "      hosts:",
                    "        " + host + ": {watchdog_menu_root: " + root + "}")));
    Path file = dir.resolve("example-inventory.yml");
    Files.writeString(file, String.join("\n", inventory) + "\n");
    Map<String, String> before = snapshot(roots.values().toArray(Path[]::new));

    Play check =
        play(
            ANSIBLE.resolve("examples"),
            file,
            ANSIBLE.resolve("examples/site.yml"),
            "--check",
            "--diff");

    assertThat(check.exit()).as(check.output()).isZero();
    for (String host : roots.keySet()) {
      Recap recap = check.of(host);
      assertThat(recap.failed() + recap.unreachable()).as(check.output()).isZero();
      assertThat(check.task("Run watchdog-menu apply")).contains("changed: [" + host + "]");
    }
    assertThat(check.task("Show what apply changes"))
        .contains("create /etc/cron.d/paqet-health-paqet-server")
        .contains("create /etc/cron.d/paqet-restart-paqet-server")
        .contains("create /etc/cron.d/paqet-health-paqet-client")
        .contains("create /etc/watchdog-menu/targets/paqet-client.yaml")
        .contains("+  cooldown: 120s")
        .contains("create /etc/watchdog-menu/targets/pm2-codebox.yaml")
        .contains("create /etc/sudoers.d/watchdog-menu-ubuntu")
        .contains("create /etc/systemd/system/watchdog-menu-monitor.service")
        .contains("create /etc/cron.d/pm2-housekeeping-ubuntu")
        .contains("url: https://hooks.slack.com/****");
    assertThat(check.output()).doesNotContain("v4ult-t0k3n");
    assertThat(snapshot(roots.values().toArray(Path[]::new)))
        .as("the example's roots after --check: nothing written")
        .isEqualTo(before);
  }

  @Test
  void aVariableOfTheWrongTypeOrABadValueIsRefusedAndNothingIsApplied() throws Exception {
    assumeAnsible();
    Path root = Files.createDirectories(dir.resolve("refused-root"));
    Path inventory = dir.resolve("refused-inventory.yml");
    Files.writeString(
        inventory,
        String.join(
            "\n",
            "all:",
            "  hosts:",
            "    local-host:",
            "      ansible_connection: local",
            "      ansible_python_interpreter: /usr/bin/python3",
            "      watchdog_menu_root: " + root,
            "      watchdog_menu_install: false",
            "      watchdog_menu_command: [java, -jar, " + Jar.jar() + "]",
            ""));
    Path playbook = dir.resolve("refused.yml");
    Files.writeString(
        playbook,
        String.join(
            "\n",
            "- name: watchdog-menu with a bad schedule",
            "  hosts: all",
            "  gather_facts: false",
            "  roles:",
            "    - role: watchdog_menu",
            ""));

    Play wrongType =
        play(inventory, playbook, "-e", "{\"watchdog_menu_schedules\": [\"paqet-client\"]}");
    assertThat(wrongType.exit()).as(wrongType.output()).isNotZero();
    assertThat(wrongType.output())
        .contains("argument 'watchdog_menu_schedules' is of type <class 'list'>");

    Play badValue =
        play(
            inventory,
            playbook,
            "-e",
            "{\"watchdog_menu_schedules\": {\"paqet-client\": {\"health\": \"7x\"}}}");
    assertThat(badValue.exit()).as(badValue.output()).isNotZero();
    assertThat(badValue.of("local-host").failed()).isEqualTo(1);
    assertThat(badValue.task("Write the apply file"))
        .contains("schedules.paqet-client.health: schedule '7x' is not a schedule");
    assertThat(root.resolve("etc/watchdog-menu/ansible/apply.yaml"))
        .as("a file apply refuses is not put in place")
        .doesNotExist();
    assertThat(root.resolve("etc/cron.d")).doesNotExist();
  }

  @Test
  void aRolloutPausesATargetAndResumesItOnce() throws Exception {
    assumeAnsible();
    Path root = Files.createDirectories(dir.resolve("pause-root"));
    Path inventory = dir.resolve("pause-inventory.yml");
    Files.writeString(
        inventory,
        String.join(
            "\n",
            "all:",
            "  hosts:",
            "    local-host:",
            "      ansible_connection: local",
            "      ansible_python_interpreter: /usr/bin/python3",
            "      watchdog_menu_root: " + root,
            "      watchdog_menu_command: [java, -jar, " + Jar.jar() + "]",
            ""));
    Path pause = entryPoint("pause", "      watchdog_menu_pause_reason: deploy 1.4.2");
    Path resume = entryPoint("resume", "");
    Path file = root.resolve("var/lib/watchdog-menu/paused/paqet-client");

    Play paused = play(inventory, pause);
    assertThat(paused.exit()).as(paused.output()).isZero();
    assertThat(paused.of("local-host").changed()).as(paused.output()).isEqualTo(1);
    assertThat(Files.readString(file)).contains("reason=deploy 1.4.2");
    Play status = play(inventory, pause, "--check");
    assertThat(status.of("local-host").changed()).as("check mode runs nothing").isZero();

    Play resumed = play(inventory, resume);
    assertThat(resumed.exit()).as(resumed.output()).isZero();
    assertThat(resumed.of("local-host").changed()).as(resumed.output()).isEqualTo(1);
    assertThat(file).doesNotExist();

    Play again = play(inventory, resume);
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.of("local-host").changed()).as("nothing was paused").isZero();
  }

  /** A play that runs one of the role's entry points for paqet-client. */
  private Path entryPoint(String name, String extraVar) throws IOException {
    Path playbook = dir.resolve(name + ".yml");
    Files.writeString(
        playbook,
        String.join(
            "\n",
            "- name: " + name + " around a rollout",
            "  hosts: all",
            "  gather_facts: false",
            "  tasks:",
            "    - name: " + name,
            "      ansible.builtin.include_role:",
            "        name: watchdog_menu",
            "        tasks_from: " + name,
            "      vars:",
            "        watchdog_menu_pause_targets: [paqet-client]",
            extraVar.isEmpty() ? "" : "  " + extraVar,
            ""));
    return playbook;
  }

  @Test
  void theRoleAndTheExamplePassAnsibleLint() throws Exception {
    assumeAnsible();
    String lint = Tools.require("ansible-lint");
    Result result =
        run(
            ANSIBLE,
            List.of(lint, "--offline", "--nocolor", "-p", "roles/watchdog_menu", "examples"),
            env());
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("Passed");

    Result syntax =
        run(
            ANSIBLE.resolve("examples"),
            List.of(
                Tools.require("ansible-playbook"),
                "--syntax-check",
                "-i",
                "inventory.yml",
                "site.yml",
                "rollout.yml"),
            env());
    assertThat(syntax.exit()).as(syntax.output()).isZero();
  }

  /** What the first run must have left on a host's root. */
  private static void assertAppliedOn(Path root) throws IOException {
    Path launcher = root.resolve("usr/local/bin/watchdog-menu");
    assertThat(launcher).as("install.sh's launcher under the prefix").isExecutable();
    Path applyFile = root.resolve("etc/watchdog-menu/ansible/apply.yaml");
    assertThat(Files.readString(applyFile)).contains("version: 1").contains("svc-ansible");
    Path secrets = root.resolve("etc/watchdog-menu/ansible/secrets.yaml");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(root.resolve("etc/cron.d/paqet-health-paqet-client")))
        .contains("*/5 * * * *");
    assertThat(root.resolve("etc/watchdog-menu/targets/svc-ansible.yaml")).exists();
    assertThat(Files.readString(root.resolve("etc/watchdog-menu/monitor.yaml")))
        .contains("svc-ansible");
    Path alerts = root.resolve("etc/watchdog-menu/alerts.yaml");
    assertThat(Files.readString(alerts)).contains("ops-webhook").contains(SECRET_URL);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alerts)))
        .isEqualTo("rw-------");
  }

  private static void assumeAnsible() {
    assumeTrue(
        which("ansible-playbook").isPresent(),
        "ansible-playbook is not installed (apt-get install ansible-core, as scripts/test.sh"
            + " does): the Ansible role is not tested");
  }

  private Path inventory(LoopbackSshd sshd, Path localRoot, Path sshRoot) throws IOException {
    String ssh =
        "-o UserKnownHostsFile="
            + sshd.knownHosts
            + " -o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes";
    Path inventory = dir.resolve("inventory.yml");
    Files.writeString(
        inventory,
        String.join(
            "\n",
            "all:",
            "  vars:",
            "    ansible_python_interpreter: /usr/bin/python3",
            "  hosts:",
            "    local-host:",
            "      ansible_connection: local",
            "      watchdog_menu_root: " + localRoot,
            "    ssh-host:",
            "      ansible_connection: ssh",
            "      ansible_host: 127.0.0.1",
            "      ansible_port: " + sshd.port,
            "      ansible_user: root",
            "      ansible_ssh_private_key_file: " + sshd.clientKey,
            "      ansible_ssh_common_args: \"" + ssh + "\"",
            "      watchdog_menu_root: " + sshRoot,
            ""));
    return inventory;
  }

  /**
   * The playbook: the role with the built jar installed by install.sh under each host's root, a
   * target of its own, a shipped one's override, schedules, the monitor's list and an alert channel
   * whose address is a secret.
   */
  private Path playbook() throws IOException {
    Path playbook = dir.resolve("playbook.yml");
    Files.writeString(
        playbook,
        String.join(
            "\n",
            "- name: watchdog-menu on both hosts",
            "  hosts: all",
            "  gather_facts: false",
            "  roles:",
            "    - role: watchdog_menu",
            "      vars:",
            "        watchdog_menu_install_method: jar",
            "        watchdog_menu_jar: " + Jar.jar(),
            "        watchdog_menu_install_prefix: \"{{ watchdog_menu_root }}\"",
            "        watchdog_menu_targets:",
            "          svc-ansible:",
            "            extends: systemd-service",
            "            service:",
            "              unit: ansible-web.service",
            "          paqet-client:",
            "            policy:",
            "              cooldown: 90s",
            "        watchdog_menu_schedules:",
            "          paqet-client:",
            "            health: 5m",
            "          svc-ansible:",
            "            restart_at: \"04:30\"",
            "        watchdog_menu_monitor: [svc-ansible]",
            "        watchdog_menu_channels:",
            "          - type: webhook",
            "            name: ops-webhook",
            "            url_secret: ops_webhook_url",
            "        watchdog_menu_secrets:",
            "          ops_webhook_url: " + SECRET_URL,
            ""));
    return playbook;
  }

  private Play play(Path inventory, Path playbook, String... extra)
      throws IOException, InterruptedException {
    return play(dir, inventory, playbook, extra);
  }

  private Play play(Path cwd, Path inventory, Path playbook, String... extra)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add(Tools.require("ansible-playbook"));
    argv.addAll(List.of("-i", inventory.toString()));
    argv.addAll(List.of(extra));
    argv.add(playbook.toString());
    Result result = run(cwd, argv, env());
    Map<String, Recap> recap = new LinkedHashMap<>();
    int at = result.output().lastIndexOf("PLAY RECAP");
    if (at >= 0) {
      Matcher m = RECAP.matcher(result.output().substring(at));
      while (m.find()) {
        recap.put(
            m.group(1),
            new Recap(
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5))));
      }
    }
    return new Play(result.exit(), result.output(), recap);
  }

  /** Ansible's settings for the test: its own home, no colour, no lingering SSH masters. */
  private Map<String, String> env() throws IOException {
    Path home = Files.createDirectories(dir.resolve("ansible-home"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", home.toString());
    env.put("ANSIBLE_ROLES_PATH", ANSIBLE.resolve("roles").toString());
    env.put("ANSIBLE_LOCAL_TEMP", home.resolve("tmp").toString());
    env.put("ANSIBLE_REMOTE_TEMP", home.resolve("remote-tmp").toString());
    env.put("ANSIBLE_NOCOLOR", "1");
    env.put("ANSIBLE_FORCE_COLOR", "0");
    env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
    env.put("ANSIBLE_PIPELINING", "1");
    env.put("ANSIBLE_SSH_ARGS", "-o ControlMaster=no");
    env.put("ANSIBLE_STDOUT_CALLBACK", "default");
    return env;
  }

  /** What a program printed (stdout and stderr together) and returned. */
  record Result(int exit, String output) {}

  private Result run(Path cwd, List<String> argv, Map<String, String> env)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "run", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", argv) + " did not finish in 10 minutes");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  /** Every path under the roots with its type, mode, size and mtime. */
  private static Map<String, String> snapshot(Path... roots) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    for (Path root : roots) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted().toList()) {
          PosixFileAttributes a =
              Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          all.put(
              p.toString(),
              (a.isDirectory() ? "d " : a.isSymbolicLink() ? "l " : "f ")
                  + PosixFilePermissions.toString(a.permissions())
                  + " "
                  + a.size()
                  + " "
                  + a.lastModifiedTime().toInstant());
        }
      }
    }
    return all;
  }

  private static Optional<Path> which(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(d, program);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
