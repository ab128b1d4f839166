package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Programs;

/**
 * A unit or drop-in: {@code systemd-analyze verify --man=no} on a copy, with nothing allowed on
 * stderr (it exits 0 on {@code Restart=sometimes}). User units are verified with {@code --user} and
 * a private XDG_RUNTIME_DIR. A drop-in is verified beside a copy of its unit (or, when the unit is
 * not installed, a stub that runs /bin/true).
 *
 * <p>verify fails a unit whose ExecStart program is not installed. When the watchdog-menu launcher
 * itself is not installed yet (a sandbox, or before packaging put it in place), the copy has
 * /bin/true in its place; any other missing program is a real problem and fails.
 */
final class UnitValidator implements Validator {
  private static final List<String> UNIT_DIRS =
      List.of("/etc/systemd/system/", "/lib/systemd/system/", "/usr/lib/systemd/system/");

  private final CommandRunner runner;
  private final HostRoot root;

  UnitValidator(CommandRunner runner, HostRoot root) {
    this.runner = runner;
    this.root = root;
  }

  @Override
  public List<String> check(FileWrite file) {
    List<String> problems = new ArrayList<>();
    String path = file.path();
    try (Scratch scratch = new Scratch()) {
      Path unitCopy;
      Path copy;
      if (file.kind() == FileKind.DROP_IN) {
        String dir = path.substring(0, path.lastIndexOf('/'));
        String unit = dir.substring(dir.lastIndexOf('/') + 1).replaceFirst("\\.d$", "");
        unitCopy = scratch.write(unit, installedUnit(unit));
        copy = scratch.write(unit + ".d/" + InstallPaths.DROP_IN, launcherReplaced(file.text()));
      } else {
        String name = path.substring(path.lastIndexOf('/') + 1);
        unitCopy = scratch.write(name, launcherReplaced(file.text()));
        copy = unitCopy;
      }
      Path runtime = scratch.dir().resolve("runtime");
      runtime.toFile().mkdir();
      List<String> argv = new ArrayList<>(List.of("systemd-analyze"));
      if (file.kind() == FileKind.USER_UNIT) {
        argv.add("--user");
      }
      argv.addAll(List.of("verify", "--man=no", unitCopy.toString()));
      Command command =
          new Command(
              argv, Duration.ofSeconds(30), null, Map.of("XDG_RUNTIME_DIR", runtime.toString()));
      CommandResult r = runner.run(command);
      if (r.programMissing()) {
        problems.add(path + ": " + Programs.missing("systemd-analyze"));
        return problems;
      }
      String err = r.stderr().strip();
      if (!r.succeeded() || !err.isEmpty()) {
        if (r.outcome() != CommandResult.Outcome.EXITED) {
          problems.add(path + ": systemd-analyze " + r.summary());
        }
        for (String line : err.split("\n")) {
          if (!line.isBlank()) {
            problems.add(
                path
                    + ": systemd-analyze: "
                    + line.replace(copy.toString(), path)
                        .replace(unitCopy.toString(), "(its unit)")
                        .strip());
          }
        }
        if (err.isEmpty()) {
          problems.add(path + ": systemd-analyze verify " + r.summary());
        }
      }
    }
    return problems;
  }

  /** The installed unit a drop-in belongs to, or a stub when it is not installed here. */
  private byte[] installedUnit(String unit) {
    for (String dir : UNIT_DIRS) {
      Path p = root.resolve(dir + unit);
      try {
        if (Files.isRegularFile(p)) {
          return Files.readAllBytes(p);
        }
      } catch (IOException ignored) {
        // fall through to the stub
      }
    }
    return "[Service]\nExecStart=/bin/true\n".getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] launcherReplaced(String text) {
    String out = text;
    if (!Files.isExecutable(Path.of(InstallPaths.BIN))) {
      out = out.replaceAll(Pattern.quote(InstallPaths.BIN) + "(?: --root \\S+)?", "/bin/true");
    }
    return out.getBytes(StandardCharsets.UTF_8);
  }
}
