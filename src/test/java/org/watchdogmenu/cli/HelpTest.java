package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.install.Golden;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line's own words: --help, each command's summary and examples, usage errors. */
class HelpTest {
  @TempDir Path root;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        WatchdogMenuCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static CommandLine commandLine() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    return WatchdogMenuCommand.commandLine(sink, sink);
  }

  /** The line the list of commands shows: the header, else the description's first line. */
  private static String summary(CommandSpec spec) {
    String[] lines =
        spec.usageMessage().header().length > 0
            ? spec.usageMessage().header()
            : spec.usageMessage().description();
    return format(lines[0]).strip();
  }

  /** {@code %n} and {@code %%} as picocli reads them. */
  private static String format(String text) {
    try {
      return String.format(text);
    } catch (java.util.IllegalFormatException e) {
      throw new AssertionError("not a valid help text (write % as %%): " + text, e);
    }
  }

  /** Every command and subcommand, e.g. {@code check}, {@code alert add-channel}, {@code help}. */
  private static List<CommandSpec> commands() {
    List<CommandSpec> all = new ArrayList<>();
    collect(commandLine().getCommandSpec(), all);
    return all;
  }

  private static void collect(CommandSpec spec, List<CommandSpec> all) {
    for (CommandLine sub : spec.subcommands().values()) {
      if (sub.getCommandSpec().usageMessage().hidden()) {
        continue; // run by the program itself, never listed
      }
      all.add(sub.getCommandSpec());
      collect(sub.getCommandSpec(), all);
    }
  }

  @Test
  void helpMatchesItsGoldenFile() throws Exception {
    Run help = run("--help");

    assertThat(help.exit()).isZero();
    assertThat(help.err()).isEmpty();
    Golden.assertMatches("cli-help.txt", help.out());
  }

  @Test
  void helpSaysThatNoCommandOpensTheMenuAndGivesExamples() {
    String help = run("--help").out();

    assertThat(help).contains("Without a command, watchdog-menu opens the menu");
    assertThat(help).contains("\nExamples:\n").contains("  sudo watchdog-menu ");
  }

  @Test
  void helpListsEveryCommandWithItsWholeSummary() {
    String help = run("--help").out().replaceAll("\n {10,}", " ");

    for (CommandLine sub : commandLine().getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.usageMessage().hidden()) {
        assertThat(help).doesNotContain("  " + spec.name() + " ");
        continue;
      }
      assertThat(help).contains("  " + spec.name() + " ");
      assertThat(help).as(spec.name()).contains(summary(spec));
    }
  }

  @Test
  void everySummaryIsOneWholeSentence() {
    for (CommandSpec spec : commands()) {
      String name = spec.qualifiedName(" ");
      String summary = summary(spec);
      assertThat(summary).as(name).matches("[A-Z].*\\.").doesNotContain("\n");
      assertThat(summary.chars().filter(c -> c == '(').count())
          .as(name + ": parentheses in '" + summary + "'")
          .isEqualTo(summary.chars().filter(c -> c == ')').count());
      assertThat(summary.chars().filter(c -> c == '"').count() % 2)
          .as(name + ": quotes in '" + summary + "'")
          .isZero();
      assertThat(summary)
          .as(name)
          .doesNotEndWith(",.")
          .doesNotEndWith(" and.")
          .doesNotEndWith(" when it.")
          .doesNotContainIgnoringCase("seed");
      assertThat(summary.length()).as(name + ": '" + summary + "' is too long").isLessThan(100);
    }
  }

  @Test
  void everyCommandHasExamplesThatFitAManPage() {
    for (CommandSpec spec : commands()) {
      String name = spec.qualifiedName(" ");
      List<String> lines = new ArrayList<>();
      for (String f : spec.usageMessage().footer()) {
        lines.addAll(format(f).lines().toList());
      }
      assertThat(format(spec.usageMessage().footerHeading())).as(name).contains("Example");
      assertThat(lines)
          .as(name)
          .anyMatch(
              l ->
                  l.equals("  " + spec.qualifiedName(" "))
                      || l.startsWith("  " + spec.qualifiedName(" ") + " "));
      for (String l : lines) {
        assertThat(l.length()).as(name + ": example line too long: " + l).isLessThanOrEqualTo(74);
      }
    }
  }

  @Test
  void everyCommandsHelpRenders() {
    for (CommandSpec spec : commands()) {
      String[] args =
          (spec.qualifiedName(" ").replaceFirst("^watchdog-menu ", "") + " --help").split(" ");
      Run help = run(args);
      assertThat(help.exit()).as(String.join(" ", args)).isZero();
      assertThat(help.err()).as(String.join(" ", args)).isEmpty();
      assertThat(help.out()).as(String.join(" ", args)).doesNotContainIgnoringCase("seed 00");
    }
  }

  /** picocli formats help texts (%n, %%): a lone % would print a warning and the raw text. */
  @Test
  void everyHelpTextIsAValidFormat() {
    for (CommandSpec spec : commands()) {
      List<String> texts = new ArrayList<>();
      texts.addAll(List.of(spec.usageMessage().description()));
      texts.addAll(List.of(spec.usageMessage().footer()));
      texts.addAll(spec.usageMessage().exitCodeList().values());
      for (String text : texts) {
        assertThat(format(text)).as("%s in %s", text, spec.qualifiedName()).isNotNull();
      }
    }
  }

  /** Options and parameters: picocli formats their texts itself, and warns on stderr. */
  @Test
  void everyOptionTextIsAValidFormat() {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(warnings, true));
    try {
      for (CommandSpec spec : commands()) {
        spec.args().forEach(a -> a.description());
      }
    } finally {
      System.setErr(stderr);
    }
    assertThat(warnings.toString()).isEmpty();
  }

  @Test
  void helpCommandShowsACommandsHelp() {
    Run help = run("help", "check");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).isEqualTo(run("check", "--help").out());
    assertThat(run("help").out()).isEqualTo(run("--help").out());
  }

  @Test
  void aMistypedCommandIsOneLineWithTheNearestCommand() {
    Run typo = run("chek", "paqet-server");

    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.out()).isEmpty();
    assertThat(typo.err())
        .isEqualTo(
            "watchdog-menu: unknown command 'chek'; did you mean 'check'?"
                + " (see 'watchdog-menu --help')\n");
  }

  @Test
  void anUnknownCommandWithNothingNearIsOneLine() {
    Run unknown = run("frobnicate");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo("watchdog-menu: unknown command 'frobnicate' (see 'watchdog-menu --help')\n");
  }

  @Test
  void aMistypedSubcommandOfAlertNamesTheNearestOne() {
    Run typo = run("alert", "add-chanel", "x");

    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err())
        .isEqualTo(
            "watchdog-menu alert: unknown command 'add-chanel'; did you mean 'add-channel'?"
                + " (see 'watchdog-menu alert --help')\n");
  }

  @Test
  void anUnknownOptionIsOneLineAndCheckSaysUnknown() {
    Run bad = run("check", "paqet-server", "--no-restrat");

    assertThat(bad.exit()).isEqualTo(3);
    assertThat(bad.err().lines()).hasSize(1);
    assertThat(bad.err())
        .isEqualTo(
            "watchdog-menu check: unknown option '--no-restrat'; did you mean '--no-restart'?"
                + " (see 'watchdog-menu check --help')\n");
  }

  @Test
  void aMistypedHelpOptionNamesTheRightOne() {
    Run bad = run("--hlep");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "watchdog-menu: unknown option '--hlep'; did you mean '--help'?"
                + " (see 'watchdog-menu --help')\n");
  }

  @Test
  void helpOfAMistypedCommandNamesTheNearestOne() {
    Run bad = run("help", "chek");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "watchdog-menu: unknown command 'chek'; did you mean 'check'?"
                + " (see 'watchdog-menu --help')\n");
  }

  @Test
  void aCommandIsSuggestedOnlyWhenItIsNear() {
    List<String> names = List.of("check", "status", "restart", "reset", "undo");
    assertThat(UsageErrors.suggestion(names, "stat")).isEqualTo("; did you mean 'status'?");
    assertThat(UsageErrors.suggestion(names, "resett")).isEqualTo("; did you mean 'reset'?");
    assertThat(UsageErrors.suggestion(names, "chekc")).isEqualTo("; did you mean 'check'?");
    assertThat(UsageErrors.suggestion(names, "frobnicate")).isEmpty();
    assertThat(UsageErrors.suggestion(names, "x")).isEmpty();
  }

  @Test
  void anExtraArgumentIsOneLine() {
    Run extra = run("list", "a b");

    assertThat(extra.exit()).isEqualTo(2);
    assertThat(extra.err())
        .isEqualTo(
            "watchdog-menu list: unexpected argument 'a b' (see 'watchdog-menu list --help')\n");
  }
}
