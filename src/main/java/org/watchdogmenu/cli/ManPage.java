package org.watchdogmenu.cli;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The manual page, {@code watchdog-menu(1)} in troff ({@code man} macros), made from the picocli
 * model: the same summaries, descriptions, options, exit codes and examples as {@code --help}, plus
 * the files the tool reads and writes.
 */
final class ManPage {
  private static final String[][] FILES = {
    {"/etc/watchdog-menu/targets/ID.yaml", "Target files: the site's own targets and settings."},
    {
      "/etc/watchdog-menu/alerts.yaml, monitor.yaml, metrics.yaml",
      "Alert channels, the continuous monitor's targets, metrics."
    },
    {
      "/etc/cron.d/SYSTEM-health-SERVICE, /etc/cron.d/SYSTEM-restart-SERVICE",
      "Scheduled health checks and restarts written by enable."
    },
    {
      "/etc/sudoers.d/, /etc/systemd/system/, /etc/logrotate.d/watchdog-menu",
      "Sudo rules, units and drop-ins, log rotation written by watchdog-menu."
    },
    {
      "/var/lib/watchdog-menu/",
      "State: restart histories (state/), last results, the manifest of written files, backups."
    },
    {"/run/watchdog-menu/", "Locks, one per restart history (root's alone)."},
  };

  private static final String SEE_ALSO =
      "\\fBcron\\fR(8), \\fBcrontab\\fR(5), \\fBsudoers\\fR(5), \\fBsystemd.unit\\fR(5),"
          + " \\fBlogrotate\\fR(8), \\fBpm2\\fR(1)";

  private final StringBuilder out = new StringBuilder();

  private ManPage() {}

  /**
   * The page for this command line.
   *
   * @param version e.g. {@code 0.1.0}
   * @param date the date the page shows, e.g. {@code 2026-01-01}
   */
  static String render(CommandLine cli, String version, String date) {
    ManPage page = new ManPage();
    page.page(cli.getCommandSpec(), version, date);
    return page.out.toString();
  }

  private void page(CommandSpec top, String version, String date) {
    String name = top.name();
    UsageMessageSpec usage = top.usageMessage();
    line(".\\\" The manual page of " + name + ", made from its command line: do not edit.");
    line(
        ".TH "
            + quote(name.toUpperCase(java.util.Locale.ROOT))
            + " 1 "
            + quote(date)
            + " "
            + quote(name + " " + version)
            + " "
            + quote("User Commands"));
    // no hyphenation (target names and paths stay whole), ragged right
    line(".nh");
    line(".ad l");
    line(".SH NAME");
    line(escape(name) + " \\- " + escape(lowerFirst(stripPeriod(summary(top)))));
    line(".SH SYNOPSIS");
    synopsis(name + " [OPTIONS]");
    synopsis(name + " [OPTIONS] COMMAND [ARGUMENTS]");
    line(".SH DESCRIPTION");
    paragraphs(usage.description());
    line(".SH OPTIONS");
    line("These options are taken by every command.");
    options(top, true);
    line(".SH COMMANDS");
    for (CommandLine sub : top.subcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        command(sub.getCommandSpec());
      }
    }
    line(".SH EXIT STATUS");
    exitCodes(usage.exitCodeList());
    CommandSpec check = top.subcommands().get("check").getCommandSpec();
    line(".PP");
    line("\\fBcheck\\fR: " + escape(format(check.usageMessage().exitCodeListHeading()).strip()));
    exitCodes(check.usageMessage().exitCodeList());
    line(".SH FILES");
    for (String[] file : FILES) {
      line(".TP");
      line(escape(file[0]));
      line(escape(file[1]));
    }
    line(".SH EXAMPLES");
    examples(usage.footer());
    line(".SH SEE ALSO");
    line(SEE_ALSO);
  }

  private void command(CommandSpec spec) {
    UsageMessageSpec usage = spec.usageMessage();
    line(".SS " + quote(qualified(spec)));
    synopsis(spec);
    paragraphs(usage.header());
    paragraphs(usage.description());
    if (!spec.positionalParameters().isEmpty() || hasOwnOptions(spec)) {
      line(".PP");
      line("Arguments and options:");
      for (PositionalParamSpec p : spec.positionalParameters()) {
        line(".TP");
        line("\\fI" + escape(p.paramLabel()) + "\\fR");
        paragraphText(described(p));
      }
      options(spec, false);
    }
    if (!usage.exitCodeList().isEmpty()) {
      line(".PP");
      line(escape(format(usage.exitCodeListHeading()).strip()));
      exitCodes(usage.exitCodeList());
    }
    if (usage.footer().length > 0) {
      line(".PP");
      line(escape(format(usage.footerHeading()).strip()));
      examples(usage.footer());
    }
    for (CommandLine sub : spec.subcommands().values()) {
      command(sub.getCommandSpec());
    }
  }

  /** The command's name after {@code watchdog-menu}, e.g. {@code alert add-channel}. */
  private static String qualified(CommandSpec spec) {
    String q = spec.qualifiedName(" ");
    int space = q.indexOf(' ');
    return space < 0 ? q : q.substring(space + 1);
  }

  private void synopsis(CommandSpec spec) {
    synopsis(synopsisText(spec));
  }

  private void synopsis(String text) {
    line(".PP");
    line(escape(text));
  }

  /**
   * The synopsis without the options every command takes: {@code watchdog-menu enable [--dry-run]
   * [--yes] (--health=EVERY | ...) TARGET}.
   */
  static String synopsisText(CommandSpec spec) {
    List<String> parts = new ArrayList<>();
    parts.add(spec.qualifiedName(" "));
    for (OptionSpec o : spec.options()) {
      if (o.group() != null || o.inherited() || o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String one = optionText(o);
      parts.add(o.required() ? one : "[" + one + "]" + (o.isMultiValue() ? "..." : ""));
    }
    for (ArgGroupSpec g : spec.argGroups()) {
      parts.add(g.synopsis());
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
      parts.add(p.arity().min() == 0 ? "[" + label + "]" : label);
    }
    if (!spec.subcommands().isEmpty()) {
      parts.add("[COMMAND]");
    }
    return String.join(" ", parts);
  }

  private static String optionText(OptionSpec o) {
    String name = o.longestName();
    if (o.typeInfo().isBoolean() || o.arity().max() == 0) {
      return name;
    }
    return name + (name.startsWith("--") ? "=" : " ") + o.paramLabel();
  }

  private static boolean hasOwnOptions(CommandSpec spec) {
    return spec.options().stream().anyMatch(ManPage::own);
  }

  /** An option of this command alone: not one every command takes, nor --help or --version. */
  private static boolean own(OptionSpec o) {
    return !o.inherited() && !o.usageHelp() && !o.versionHelp();
  }

  private void options(CommandSpec spec, boolean top) {
    for (OptionSpec o : spec.options()) {
      if (!top && !own(o)) {
        continue;
      }
      line(".TP");
      List<String> names = new ArrayList<>();
      for (String n : o.names()) {
        String label =
            o.typeInfo().isBoolean() || o.arity().max() == 0
                ? ""
                : (n.startsWith("--") ? "=" : " ") + "\\fI" + escape(o.paramLabel()) + "\\fR";
        names.add("\\fB" + escape(n) + "\\fR" + label);
      }
      line(String.join(", ", names));
      paragraphText(described(o));
    }
  }

  /** An option's or parameter's description with its default value and choices filled in. */
  private static String described(ArgSpec a) {
    String text = String.join(" ", a.description());
    String value = a.defaultValueString();
    text = text.replace("${DEFAULT-VALUE}", value == null ? "" : value);
    List<String> choices = new ArrayList<>();
    if (a.completionCandidates() != null) {
      a.completionCandidates().forEach(choices::add);
    }
    return text.replace("${COMPLETION-CANDIDATES}", String.join(", ", choices));
  }

  private void exitCodes(Map<String, String> codes) {
    for (Map.Entry<String, String> e : codes.entrySet()) {
      line(".TP");
      line("\\fB" + escape(e.getKey().strip()) + "\\fR");
      paragraphText(format(e.getValue()));
    }
  }

  /**
   * The first block of indented lines of a footer, verbatim: the examples (the lines after them,
   * such as the list of files, are for --help; the page has sections of its own for those).
   */
  private void examples(String[] footer) {
    line(".PP");
    line(".nf");
    boolean started = false;
    outer:
    for (String f : footer) {
      for (String l : format(f).lines().toList()) {
        if (l.startsWith("  ")) {
          started = true;
          line(escape(l.substring(2)));
        } else if (started && !l.isBlank()) {
          break outer;
        }
      }
    }
    line(".fi");
  }

  private void paragraphs(String[] texts) {
    for (String t : texts) {
      String text = format(t);
      if (!text.isBlank()) {
        line(".PP");
        line(escape(text.strip()));
      }
    }
  }

  /** Text already formatted (picocli formats the texts of options and parameters itself). */
  private void paragraphText(String text) {
    line(escape(text.strip()));
  }

  private void line(String l) {
    out.append(l).append('\n');
  }

  /** A command's one-line summary, as the list of commands in {@code --help} shows it. */
  static String summary(CommandSpec spec) {
    UsageMessageSpec usage = spec.usageMessage();
    String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
    return lines.length == 0 ? "" : format(lines[0]).strip();
  }

  /** picocli's format: {@code %n} and {@code %%} as in {@link String#format}. */
  static String format(String text) {
    if (text == null || !text.contains("%")) {
      return text == null ? "" : text;
    }
    try {
      return String.format(text).replace("\r\n", "\n");
    } catch (IllegalFormatException e) {
      return text;
    }
  }

  /**
   * Text as troff reads it literally: backslashes and hyphens escaped, a line never starting with a
   * control character, every line break a space.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder();
    for (String l : text.split("\n", -1)) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      String e = l.replace("\\", "\\e").replace("-", "\\-").replace("'", "\\(aq");
      if (e.startsWith(".")) {
        e = "\\&" + e;
      }
      b.append(e);
    }
    return b.toString();
  }

  private static String quote(String s) {
    return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
  }

  private static String stripPeriod(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
