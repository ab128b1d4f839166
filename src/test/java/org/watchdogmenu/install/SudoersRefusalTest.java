package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/**
 * Who a sudoers file may be for: an account of the root's /etc/passwd or a group of its /etc/group;
 * never the user ALL, an alias, or an account that does not exist. Each refusal is one line and
 * nothing is planned; and which rules of a plan need the deliberate yes.
 */
class SudoersRefusalTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  @TempDir Path dir;
  private Planner planner;
  private final Target paqet = SeedTargets.tunnel("paqet", "server");

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc/sudoers.d"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\noperator:x:1001:1001::/home/operator:/bin/sh\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nops:x:1200:operator\n");
    planner =
        new Planner(new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root"));
  }

  private Plan plan(String user, String... commands) {
    return planner.sudoers(
        new SudoersRequest(
            user,
            null,
            List.of(paqet),
            List.of(commands).stream().map(SudoersRequest::command).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ALL     | sudoers user 'ALL' means every account to sudo: name one operator's account, or a"
            + " %group",
        "OPS     | sudoers user 'OPS' is written like a sudoers alias (capitals, digits, _), which"
            + " sudo reads as one: name an account from /etc/passwd, or a %group",
        "ADMINS_2 | sudoers user 'ADMINS_2' is written like a sudoers alias",
        "bob     | user bob is not in /etc/passwd: create the account first (useradd bob) or name"
            + " an existing one",
        "%wheel  | group wheel is not in /etc/group: create it first (groupadd wheel) or name an"
            + " existing group",
        "%%ops   | sudoers group '%%ops' is not allowed",
        "#1001   | sudoers user '#1001' is not allowed",
        "+netgrp | sudoers user '+netgrp' is not allowed",
      })
  void whoIsRefusedInOneLine(String user, String message) throws IOException {
    Map<String, String> before = Trees.snapshot(dir);
    assertThatThrownBy(() -> plan(user.strip()))
        .isInstanceOf(InstallException.class)
        .hasMessageStartingWith(message.strip())
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("Exception");
    assertThat(Trees.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void theFormSaysTheSameBeforeAnyPlan() {
    assertThat(SudoersRequest.userProblem("ALL").orElseThrow()).contains("every account");
    assertThat(SudoersRequest.userProblem("DEPLOYERS").orElseThrow()).contains("alias");
    assertThat(SudoersRequest.userProblem("%ops")).isEmpty();
    assertThat(SudoersRequest.userProblem("deploy")).isEmpty();
  }

  @Test
  void broadRulesNeedTheYesAndSayWhyWhileFixedOnesDoNot() {
    Plan fixed = plan("operator", "/usr/bin/emqx ctl status", "/bin/kill -HUP 1");
    assertThat(fixed.confirmation()).isEmpty();
    assertThat(fixed.warnings()).isEmpty();

    Plan broad =
        plan(
            "operator",
            "/usr/bin/systemctl",
            "/usr/bin/journalctl -u paqet-server",
            "/usr/bin/apt-get",
            "/usr/bin/emqx",
            "/usr/bin/python3.11 /opt/x.py",
            "/usr/bin/vim.basic /etc/hosts");
    assertThat(broad.confirmation().orElseThrow())
        .startsWith("operator: '/usr/bin/systemctl': systemctl can show a pager")
        .contains("operator: '/usr/bin/journalctl -u paqet-server' runs journalctl, a pager")
        .contains("operator: '/usr/bin/apt-get' runs apt-get, a package tool")
        .contains("operator: '/usr/bin/emqx' names no arguments")
        .contains("runs python3.11, an interpreter", "runs vim.basic, an editor")
        .doesNotContain("\n");
    assertThat(broad.warnings()).hasSize(6);
    assertThat(broad.preview()).contains("CONFIRMATION NEEDED: operator: '/usr/bin/systemctl'");
  }

  @Test
  void aProgramInAFolderAnotherAccountOwnsNeedsTheYes() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("home/operator/bin"));
    Files.writeString(bin.resolve("restart.sh"), "#!/bin/sh\n");
    Files.setAttribute(dir.resolve("home/operator"), "unix:uid", 1001);
    Plan plan = plan("operator", "/home/operator/bin/restart.sh now");
    assertThat(plan.confirmation().orElseThrow())
        .isEqualTo(
            "operator: '/home/operator/bin/restart.sh' can be changed by operator (who owns "
                + dir.resolve("home/operator")
                + "): whoever changes it runs code as root");
  }
}
