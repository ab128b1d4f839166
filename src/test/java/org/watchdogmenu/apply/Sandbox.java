package org.watchdogmenu.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.install.Applier;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.Sleeper;

/**
 * A host under a temp root where systemd "runs": the validators (visudo, systemd-analyze,
 * logrotate) are the real ones, systemctl and loginctl are scripted (exact argv only).
 */
final class Sandbox implements CommandRunner {
  private static final Set<String> VALIDATORS = Set.of("visudo", "systemd-analyze", "logrotate");
  private final CommandRunner real = new ExecCommandRunner();
  final ScriptedCommandRunner scripted = new ScriptedCommandRunner();
  final Path dir;
  final Host host;

  Sandbox(Path dir) throws IOException {
    this.dir = dir;
    this.host = new Host(new HostRoot(dir), this, Clock.systemUTC(), Sleeper.SYSTEM, "root");
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Files.createDirectories(dir.resolve("run/systemd/system"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\n"
            + "ubuntu:x:1000:1000::/home/ubuntu:/bin/bash\n"
            + "alice:x:1001:1001::/home/alice:/bin/bash\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nubuntu:x:1000:\nalice:x:1001:\n");
  }

  @Override
  public CommandResult run(Command command) {
    return VALIDATORS.contains(command.program()) ? real.run(command) : scripted.run(command);
  }

  /** loginctl enable-linger USER, which systemd answers by creating its linger file. */
  void lingerWorks(String user) {
    scripted
        .expect("loginctl", "enable-linger", user)
        .andThen(
            c -> {
              try {
                Files.createDirectories(dir.resolve("var/lib/systemd/linger"));
                Files.createFile(dir.resolve("var/lib/systemd/linger/" + user));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** A root-owned 0600 secrets file. */
  Path secrets(String text) throws IOException {
    Path f = dir.getParent().resolve(dir.getFileName() + "-secrets.yaml");
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  /** Plans the file and applies the plan as the command does; the plan it applied. */
  Apply.Planned apply(String text, Optional<Path> secrets) throws IOException {
    Apply a = Apply.of("host.yaml", text, Map.of(), secrets);
    Apply.Planned p = a.plan(host);
    if (!p.plan().isEmpty()) {
      new Applier(host).apply(p.plan(), new Applier.Options(false));
    }
    p.record();
    return p;
  }

  Apply.Planned apply(String text) throws IOException {
    return apply(text, Optional.empty());
  }

  Path at(String hostPath) {
    return host.root().resolve(hostPath);
  }
}
