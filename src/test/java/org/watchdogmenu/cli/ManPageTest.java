package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.install.Golden;
import picocli.CommandLine;

/** The manual page made from the command line model, and the gzip it is shipped in. */
class ManPageTest {
  private static String page() {
    return ManPage.render(Docs.commandLine(), "1.2.3", "2026-01-01");
  }

  @Test
  void manPageMatchesItsGoldenFile() throws Exception {
    Golden.assertMatches("watchdog-menu.1", page());
  }

  @Test
  void everyCommandHasASectionWithItsSummary() {
    String page = page();
    for (CommandLine sub : Docs.commandLine().getSubcommands().values()) {
      String name = sub.getCommandSpec().name();
      if (sub.getCommandSpec().usageMessage().hidden()) {
        assertThat(page).doesNotContain(".SS \"" + ManPage.escape(name) + "\"");
        continue;
      }
      assertThat(page).contains(".SS \"" + ManPage.escape(name) + "\"\n");
      assertThat(page).contains(ManPage.escape(ManPage.summary(sub.getCommandSpec())));
    }
    assertThat(page).contains(".SS \"alert add\\-channel\"\n");
  }

  @Test
  void headerNamesVersionAndDateAndTheNameLineIsTheSummary() {
    assertThat(page())
        .startsWith(
            ".\\\" The manual page of watchdog-menu, made from its command line: do not edit.\n"
                + ".TH \"WATCHDOG\\-MENU\" 1 \"2026\\-01\\-01\" \"watchdog\\-menu 1.2.3\" \"User"
                + " Commands\"\n")
        .contains(
            ".SH NAME\nwatchdog\\-menu \\- guarded health checks and scheduled restarts for"
                + " Linux services\n");
  }

  @Test
  void textNeverStartsATroffRequestByAccident() {
    assertThat(ManPage.escape(".hidden\n'quoted\nback\\slash -x"))
        .isEqualTo("\\&.hidden\n\\(aqquoted\nback\\eslash \\-x");
    for (String line : page().split("\n")) {
      if (line.startsWith(".") || line.startsWith("'")) {
        assertThat(line)
            .as("a request line")
            .matches("\\.(\\\\\"|TH|SH|SS|PP|TP|nf|fi|nh|ad) ?.*|\\\\&.*");
      }
    }
  }

  @Test
  void synopsisLeavesOutTheOptionsEveryCommandTakes() {
    CommandLine cli = Docs.commandLine();
    assertThat(ManPage.synopsisText(cli.getSubcommands().get("check").getCommandSpec()))
        .isEqualTo("watchdog-menu check [--no-restart] [--dry-run] TARGET");
    assertThat(ManPage.synopsisText(cli.getSubcommands().get("logs").getCommandSpec()))
        .isEqualTo("watchdog-menu logs [-n N] [--follow] [--health | --cron] TARGET");
  }

  @Test
  void gzipIsMaximumCompressionWithoutNameOrTime() throws Exception {
    byte[] text = page().getBytes(StandardCharsets.UTF_8);

    byte[] gz = Docs.gzip(text);

    assertThat(gz[3]).as("flags: no name").isZero();
    assertThat(new byte[] {gz[4], gz[5], gz[6], gz[7]}).as("mtime").containsOnly(0);
    assertThat(gz[8]).as("XFL: maximum compression").isEqualTo((byte) 2);
    assertThat(gz[9]).as("OS: Unix").isEqualTo((byte) 3);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertThat(in.readAllBytes()).isEqualTo(text);
    }
    assertThat(Docs.gzip(text)).isEqualTo(gz);
  }
}
