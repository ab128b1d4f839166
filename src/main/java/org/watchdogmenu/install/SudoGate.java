package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.os.HostRoot;

/**
 * Which sudo rules an operator may get without a deliberate yes: an exact command with fixed
 * arguments, whose program cannot start a shell, run other programs or write any file, and which
 * only root can change. Everything else is named here with the reason, in words:
 *
 * <ul>
 *   <li>{@code ALL}, a program without arguments (sudo reads it as "any arguments"), a wildcard
 *       ({@code * ? [}), a folder (ending in {@code /});
 *   <li>shells, interpreters, editors, pagers and the tools that page their output (journalctl,
 *       man), package tools, file tools, and programs that run other programs (env, sudo, find,
 *       xargs, setsid ...), whatever their arguments;
 *   <li>systemctl, docker and pm2 other than a fixed safe subcommand of named units, containers or
 *       apps ({@code systemctl restart web.service} is fine, {@code systemctl status web} pages);
 *   <li>a program that an account other than root can change (its file or a folder above it).
 * </ul>
 *
 * A program is recognised by its file name without a version ({@code python3.11} is python, {@code
 * vim.basic} is vim).
 */
final class SudoGate {
  /** Kinds of program that amount to full root with any arguments. */
  private enum Family {
    SHELL("a shell, which runs any command"),
    INTERPRETER("an interpreter, whose script and options run any code"),
    EDITOR("an editor, which can start a shell (:!sh) and write any file"),
    PAGER("a pager (or shows its output in one), whose !command starts a shell"),
    PACKAGES("a package tool, whose install scripts and hooks run any command"),
    FILES("a file tool, which can overwrite or open up any file (e.g. /etc/sudoers)"),
    RUNNER("a program that runs other programs, which then run as root");

    final String what;

    Family(String what) {
      this.what = what;
    }
  }

  private static final Map<String, Family> FAMILIES = new HashMap<>();

  static {
    add(
        Family.SHELL,
        "sh bash dash zsh ksh mksh pdksh csh tcsh fish ash yash rbash rc busybox toybox");
    add(
        Family.INTERPRETER,
        "python pypy ipython perl ruby irb node nodejs deno bun php lua luajit java jshell jrunscript"
            + " groovy scala kotlin tclsh wish expect awk gawk mawk nawk guile racket ghci runghc"
            + " erl escript elixir iex julia rscript");
    add(
        Family.EDITOR,
        "vi vim nvim view rvim rview vimdiff ex nano rnano pico ed red emacs emacsclient joe jed"
            + " mcedit ne micro sensible-editor editor sudoedit");
    add(Family.PAGER, "less more most pg man journalctl");
    add(
        Family.PACKAGES,
        "apt apt-get aptitude dpkg snap flatpak pip pipx npm npx yarn pnpm gem bundle cargo"
            + " composer yum dnf rpm zypper apk");
    add(
        Family.FILES,
        "cp mv tee dd chmod chown chgrp chattr install ln tar rsync cpio zip unzip mount umount"
            + " truncate");
    add(
        Family.RUNNER,
        "env sudo su doas pkexec runuser setsid nohup nice ionice chroot xargs find timeout stdbuf"
            + " strace ltrace gdb systemd-run nsenter unshare flock watch script taskset chrt setpriv"
            + " capsh time make crontab visudo at batch screen tmux ssh scp sftp ftp mysql psql"
            + " sqlite3 nmap git");
  }

  private static void add(Family family, String names) {
    for (String name : names.split(" ")) {
      FAMILIES.put(name, family);
    }
  }

  /** Names recognised also with a suffix: {@code emacs-nox}, {@code python3-dbg}. */
  private static final Set<String> WITH_SUFFIX =
      Set.of(
          "bash", "zsh", "ksh", "python", "pypy", "perl", "ruby", "node", "php", "lua", "java",
          "vim", "nvim", "emacs", "nano");

  private static final Set<String> SYSTEMCTL_SAFE =
      Set.of(
          "start",
          "stop",
          "restart",
          "reload",
          "try-restart",
          "reload-or-restart",
          "try-reload-or-restart",
          "is-active",
          "is-enabled",
          "is-failed");
  private static final Set<String> DOCKER_SAFE = Set.of("start", "stop", "restart", "kill");
  private static final Set<String> PM2_SAFE =
      Set.of("restart", "reload", "stop", "resurrect", "jlist", "ping", "describe");

  private SudoGate() {}

  /**
   * Why this rule needs a deliberate yes, in words that start with the rule, or empty when it is an
   * exact command with fixed arguments.
   */
  static Optional<String> needsYes(List<String> argv) {
    String shown = "'" + String.join(" ", argv) + "'";
    if (argv.equals(List.of("ALL"))) {
      return Optional.of("'ALL' allows every program as root: it amounts to full root");
    }
    String program = argv.get(0);
    if (program.endsWith("/")) {
      return Optional.of(shown + " ends in /, so sudo allows every program in that folder as root");
    }
    String name = name(program);
    Optional<Family> family = family(name);
    if (family.isPresent()) {
      return Optional.of(
          shown + " runs " + name + ", " + family.get().what + ": it amounts to full root");
    }
    List<String> args = argv.subList(1, argv.size());
    String manager = name.toLowerCase(Locale.ROOT).replaceFirst("\\..*", "");
    if (manager.equals("systemctl") && !fixed(args, SYSTEMCTL_SAFE)) {
      return Optional.of(
          shown
              + ": systemctl can show a pager or open an editor (status, cat, edit), whose"
              + " !command starts a shell as root; only "
              + String.join(", ", sorted(SYSTEMCTL_SAFE))
              + " of named units go without --yes");
    }
    if (manager.equals("docker") && !fixed(args, DOCKER_SAFE)) {
      return Optional.of(
          shown
              + ": docker can start a container with / mounted, which amounts to full root; only "
              + String.join(", ", sorted(DOCKER_SAFE))
              + " of named containers go without --yes");
    }
    if (manager.equals("pm2") && !fixed(args, PM2_SAFE)) {
      return Optional.of(
          shown
              + ": pm2 starts any script as root; only "
              + String.join(", ", sorted(PM2_SAFE))
              + " of named apps go without --yes");
    }
    if (args.isEmpty()) {
      return Optional.of(
          shown + " names no arguments, so sudo allows it with any arguments as root");
    }
    for (String a : args) {
      for (char c : new char[] {'*', '?', '['}) {
        if (a.indexOf(c) >= 0) {
          return Optional.of(
              shown + " has the wildcard " + c + ", which sudo matches against any arguments");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Who other than root can change what this program is: the account that owns it or a folder above
   * it, or may write there; empty when only root can. Read under the root without following links,
   * and again along the real path when there are links.
   */
  static Optional<String> changeableBy(HostRoot root, Accounts accounts, String program) {
    if (!program.startsWith("/")) {
      return Optional.empty();
    }
    Path path = root.resolve(program);
    Optional<String> who = walk(path, root.dir(), accounts);
    if (who.isPresent()) {
      return who;
    }
    try {
      Path real = path.toRealPath();
      return real.equals(path) ? Optional.empty() : walk(real, real.getRoot(), accounts);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> walk(Path path, Path top, Accounts accounts) {
    for (Path p = path; p != null; p = p.getParent()) {
      Optional<String> who = changer(p, accounts);
      if (who.isPresent()) {
        return who;
      }
      if (p.equals(top)) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Who other than root can change this one file or folder (links are judged by their target). */
  private static Optional<String> changer(Path p, Accounts accounts) {
    try {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
        return Optional.empty();
      }
      int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      boolean sticky = (mode & 01000) != 0;
      if (uid != 0) {
        return Optional.of(accounts.userName(uid) + " (who owns " + p + ")");
      }
      if ((mode & 02) != 0 && !sticky) {
        return Optional.of("every account (" + p + " is writable by all)");
      }
      if ((mode & 020) != 0 && gid != 0 && !sticky) {
        return Optional.of("group " + accounts.groupName(gid) + " (which may write " + p + ")");
      }
      return Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** {@code ARGS} is {@code SUBCOMMAND NAME...} with a safe subcommand and no options. */
  private static boolean fixed(List<String> args, Set<String> safe) {
    return args.size() >= 2
        && safe.contains(args.get(0))
        && args.stream().skip(1).noneMatch(a -> a.startsWith("-") || a.matches(".*[*?\\[].*"));
  }

  /** The program's file name, e.g. {@code python3.11}. */
  private static String name(String program) {
    return program.substring(program.lastIndexOf('/') + 1);
  }

  /**
   * The name without version or variant: {@code python3.11} and {@code vim.basic} give python, vim.
   */
  static String base(String name) {
    String base = name.toLowerCase(Locale.ROOT);
    int dot = base.indexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    return base.replaceFirst("[0-9]+$", "");
  }

  private static Optional<Family> family(String name) {
    String base = base(name);
    Family f = FAMILIES.get(base);
    if (f != null) {
      return Optional.of(f);
    }
    String stem = base.split("[-_]", 2)[0].replaceFirst("[0-9]+$", "");
    return WITH_SUFFIX.contains(stem) ? Optional.of(FAMILIES.get(stem)) : Optional.empty();
  }

  private static List<String> sorted(Set<String> words) {
    return words.stream().sorted().toList();
  }
}
