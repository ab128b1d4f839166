package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash completion made from the model, sourced and asked by a real bash. */
class CompletionIT {
  @TempDir Path tmp;

  /** What bash offers after {@code line} (the cursor at its end). */
  private List<String> complete(String line) throws Exception {
    Path script = tmp.resolve("watchdog-menu");
    Files.writeString(script, Docs.completion(), StandardCharsets.UTF_8);
    String driver =
        "source \"$1\"\n"
            + "compopt() { :; }  # bash allows it only while it completes for real\n"
            + "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
            + "read -ra COMP_WORDS <<< \"$2\"\n"
            + "case $2 in *' ') COMP_WORDS+=(''); esac\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "_complete_watchdog-menu watchdog-menu \"${COMP_WORDS[COMP_CWORD]}\" >/dev/null\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p =
        new ProcessBuilder("bash", "-c", driver, "bash", script.toString(), line)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
  }

  @Test
  void completesCommands() throws Exception {
    assertThat(complete("watchdog-menu ch")).containsExactly("check");
    assertThat(complete("watchdog-menu ")).contains("check", "enable", "help", "target");
  }

  @Test
  void completesOptionsAndTheirValues() throws Exception {
    assertThat(complete("watchdog-menu check x --no-")).contains("--no-restart", "--no-color");
    assertThat(complete("watchdog-menu restart x --source ")).containsExactly("cron", "manual");
  }

  @Test
  void completesSubcommandsOfSubcommands() throws Exception {
    assertThat(complete("watchdog-menu alert add")).containsExactly("add-channel");
  }
}
