package org.watchdogmenu.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.model.CommandProbeSpec;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.FileStat;
import org.watchdogmenu.os.FolderTrust;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Owners;

/**
 * The programs a target makes root run (the restart, status and recovery commands of a service that
 * has no {@code service.user}, the pm2 program without a user, every probe {@code command}) that an
 * account other than root can change: the file itself belongs to another account or is writable by
 * its group or everyone, or a folder above it is. Whoever can change such a program runs code as
 * root at the next check or restart, so {@code doctor}, {@code list} and the installer's preview
 * say so in one line each.
 *
 * <p>A program run as {@code service.user} (through {@code runuser}) is left out: it runs with that
 * account's rights, so whoever can change it gains at most those. A program that is not found is
 * left to the check, which says so when it runs.
 *
 * <p>A bare name is looked up in {@link #PATH}, a path under {@code --root}; a relative path with a
 * slash is read from {@code service.workdir}.
 */
public final class ProgramTrust {
  /** Where a bare program name is looked up, in order. */
  public static final List<String> PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private static final int MAX_LINKS = 40;

  private ProgramTrust() {}

  /**
   * One line per program of the target that root runs and another account can change, e.g. {@code
   * the restart command /home/bob/restart.sh can be changed by bob (owner of /home/bob), and root
   * runs it}; empty when there is none.
   */
  public static List<String> warnings(Target target, HostRoot root) {
    List<String> out = new ArrayList<>();
    for (Program p : programs(target)) {
      check(p, root).ifPresent(w -> addOnce(out, w));
    }
    return out;
  }

  /** A program root runs for a target: its role in words, its argv[0], the folder it runs in. */
  record Program(String role, String name, String workdir) {}

  /** The programs of the target that run as root, in the order a check and a restart run them. */
  static List<Program> programs(Target target) {
    List<Program> out = new ArrayList<>();
    ServiceSpec s = target.service();
    if (s != null) {
      boolean serviceAsRoot = s.account().filter(u -> !u.equals("root")).isEmpty();
      if (s instanceof CommandService c && serviceAsRoot) {
        first(c.status()).ifPresent(n -> out.add(new Program("status command", n, c.workdir())));
        first(c.restart()).ifPresent(n -> out.add(new Program("restart command", n, c.workdir())));
      }
      if (s instanceof Pm2Service p && serviceAsRoot) {
        out.add(new Program("pm2 program", p.pm2(), null));
      }
      // the kind's own levels run as the service's user for pm2 and command, else as root
      boolean recoveryAsRoot =
          switch (s.kind()) {
            case PM2, COMMAND -> serviceAsRoot;
            case SYSTEMD, SYSTEMD_USER, DOCKER -> true;
          };
      if (recoveryAsRoot) {
        int level = 1;
        for (List<String> argv : s.recovery()) {
          int n = level++;
          first(argv).ifPresent(p -> out.add(new Program("recovery command " + n, p, null)));
        }
      }
    }
    for (ProbeSpec probe : target.probes()) {
      if (probe instanceof CommandProbeSpec c) {
        first(c.command()).ifPresent(n -> out.add(new Program("probe command", n, null)));
      }
    }
    return out;
  }

  private static Optional<String> first(List<String> argv) {
    return argv == null || argv.isEmpty() || argv.get(0) == null || argv.get(0).isEmpty()
        ? Optional.empty()
        : Optional.of(argv.get(0));
  }

  private static void addOnce(List<String> out, String warning) {
    if (!out.contains(warning)) {
      out.add(warning);
    }
  }

  /** The warning for one program, or empty when only root can change it (or it is not found). */
  static Optional<String> check(Program p, HostRoot root) {
    Optional<String> hostPath = locate(p, root);
    if (hostPath.isEmpty()) {
      return Optional.empty();
    }
    try {
      return who(hostPath.get(), root)
          .map(
              who ->
                  "the "
                      + p.role()
                      + " "
                      + hostPath.get()
                      + " can be changed by "
                      + who
                      + ", and root runs it");
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          "the "
              + p.role()
              + " "
              + hostPath.get()
              + " could not be checked ("
              + e.getMessage()
              + "), and root runs it");
    }
  }

  /** The host path root runs: absolute, under the workdir, or the first hit in {@link #PATH}. */
  static Optional<String> locate(Program p, HostRoot root) {
    String name = p.name();
    if (name.startsWith("/")) {
      return valid(name, root);
    }
    if (name.contains("/")) {
      if (p.workdir() == null || !p.workdir().startsWith("/")) {
        return Optional.empty();
      }
      String dir = p.workdir().endsWith("/") ? p.workdir() : p.workdir() + "/";
      return valid(Path.of(dir + name).normalize().toString(), root);
    }
    for (String dir : PATH) {
      Optional<String> candidate = valid(dir + "/" + name, root);
      if (candidate.isPresent() && Files.isRegularFile(root.resolve(candidate.get()))) {
        return candidate;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> valid(String hostPath, HostRoot root) {
    try {
      root.resolve(hostPath);
      return Optional.of(hostPath);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Who other than root can change what the host path leads to, in words ({@code bob (owner of
   * /home/bob)}); empty when nobody can.
   */
  private static Optional<String> who(String hostPath, HostRoot root) throws IOException {
    String at = hostPath;
    for (int links = 0; links <= MAX_LINKS; links++) {
      Path real = root.resolve(at);
      Optional<String> folder = folderWho(real, root);
      if (folder.isPresent()) {
        return folder;
      }
      Optional<FileStat> stat = FileStat.lstat(real);
      if (stat.isEmpty()) {
        return Optional.empty();
      }
      FileStat s = stat.get();
      if (s.uid() != 0) {
        return Optional.of(Owners.name(s.uid()) + " (its owner)");
      }
      if (s.type() == FileStat.Type.LINK) {
        Path target = Files.readSymbolicLink(real);
        String parent = parentOf(at);
        at =
            target.isAbsolute()
                ? target.normalize().toString()
                : Path.of(parent).resolve(target).normalize().toString();
        continue;
      }
      if (s.writableByOthers()) {
        return Optional.of(
            ((s.mode() & 02) != 0 ? "everyone" : "its group")
                + " (mode "
                + String.format("%04o", s.mode())
                + ")");
      }
      return Optional.empty();
    }
    return Optional.of("whoever controls its links (more than " + MAX_LINKS + " of them)");
  }

  private static String parentOf(String hostPath) {
    Path parent = Path.of(hostPath).getParent();
    return parent == null ? "/" : parent.toString();
  }

  /** Who other than root can change the folder a program lies in, from {@code /} down. */
  private static Optional<String> folderWho(Path file, HostRoot root) throws IOException {
    Path folder = file.getParent();
    FolderTrust.Verdict v = FolderTrust.of(folder);
    if (v instanceof FolderTrust.Trusted) {
      return Optional.empty();
    }
    if (v instanceof FolderTrust.Sticky st) {
      // in a sticky folder (/tmp) nobody else may replace root's own file, but anyone may plant a
      // name that is not there yet
      return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          ? Optional.empty()
          : Optional.of(
              "anyone (it does not exist, and "
                  + host(st.folder(), root)
                  + " is a shared folder where anyone may create it)");
    }
    if (v instanceof FolderTrust.OwnedBy o) {
      return Optional.of(o.user() + " (owner of " + host(o.folder(), root) + ")");
    }
    if (v instanceof FolderTrust.Shared sh) {
      String f = host(sh.folder(), root);
      return Optional.of(
          (sh.stat().mode() & 02) != 0
              ? "everyone (" + f + " is writable by everyone)"
              : "anyone in the group of " + f + " (it is writable by its group)");
    }
    FolderTrust.Refused r = (FolderTrust.Refused) v;
    return Optional.of("another account (" + host(r.folder(), root) + " " + r.reason() + ")");
  }

  /** A real path as the operator knows it: without the {@code --root} folder in front. */
  private static String host(Path real, HostRoot root) {
    if (root.isSystem() || !real.startsWith(root.dir())) {
      return real.toString();
    }
    return "/" + root.dir().relativize(real);
  }
}
