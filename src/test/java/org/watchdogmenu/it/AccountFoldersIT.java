package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service whose logs live in its account's own folder (the camera platform's): a health check run
 * by root makes a missing log folder and log as that account, never as root.
 */
class AccountFoldersIT {
  private static SecondAccount account;

  @TempDir Path dir;

  @BeforeAll
  static void createAccount() throws Exception {
    account = SecondAccount.create();
  }

  @AfterAll
  static void removeAccount() throws Exception {
    if (account != null) {
      account.close();
    }
  }

  @Test
  void aMissingLogFolderInTheAccountsHomeIsMadeByTheAccount() throws Exception {
    Sandbox sandbox = Attack.sandbox(dir);
    account.addTo(sandbox);
    String app = "/home/" + account.name + "/app";
    Attack.accountFolder(sandbox, account, app);
    sandbox.target(
        "app",
        String.join(
            "\n",
            "id: app",
            "service:",
            "  kind: command",
            "  restart: [\"/bin/true\"]",
            "  user: " + account.name,
            "probes:",
            "  - {type: command, command: [\"/bin/true\"]}",
            "paths:",
            "  health_log: " + app + "/logs/health.log",
            "  cron_log: " + app + "/logs/cron.log",
            ""));

    Jar.Run run = Attack.jar(sandbox.root, "check", "app");

    assertThat(run.exit()).as(Attack.printed(run)).isZero();
    Path logs = sandbox.path(app + "/logs");
    Path log = logs.resolve("health.log");
    assertThat(Files.getOwner(logs, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo(account.name);
    assertThat(Files.getOwner(log, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo(account.name);
    assertThat(Files.readString(log)).contains("=== Health Check PASSED: Service is healthy ===");
  }
}
