package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchdogmenu.os.HostRoot;

/**
 * The sudoers gate is an allowlist: only an exact command with fixed arguments goes without a
 * deliberate yes; the reason names the rule and says why in words.
 */
class SudoGateTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} needs no yes")
  @CsvSource(
      delimiter = '|',
      value = {
        "/usr/local/bin/watchdog-menu check paqet-server",
        "/usr/local/bin/watchdog-menu restart paqet-server --source manual",
        "/usr/local/bin/watchdog-menu restart paqet-server",
        "/usr/local/bin/watchdog-menu --root /srv/sandbox check web",
        "/usr/bin/systemctl restart paqet-server.service",
        "/usr/bin/systemctl is-active web.service",
        "/bin/systemctl try-restart a.service b.service",
        "/usr/bin/docker restart kurento",
        "/usr/bin/pm2 restart codebox",
        "/usr/bin/emqx ctl status",
        "/usr/bin/id -u",
        "/bin/kill -HUP 1234",
        "/usr/sbin/service nginx reload",
        "/opt/camera/scripts/managed_start.sh restart",
      })
  void exactCommandsWithFixedArgumentsNeedNoYes(String line) {
    assertThat(SudoGate.needsYes(List.of(line.split(" ")))).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ALL                                          | every program",
        "/usr/bin/                                    | every program in that folder",
        "/bin/kill                                    | names no arguments, so sudo allows it with any",
        "/usr/bin/emqx                                | names no arguments",
        "/usr/local/bin/watchdog-menu                 | names no arguments",
        "/usr/bin/id *                                | the wildcard *",
        "/usr/bin/id -u?                              | the wildcard ?",
        "/usr/bin/id [u]                              | the wildcard [",
        "/bin/sh -c *                                 | runs sh, a shell",
        "/bin/bash /opt/x.sh                          | runs bash, a shell",
        "/bin/dash -c true                            | runs dash, a shell",
        "/usr/bin/zsh                                 | runs zsh, a shell",
        "/bin/busybox id                              | runs busybox, a shell",
        "/usr/bin/python3.11 /opt/x.py                | runs python3.11, an interpreter",
        "/home/satinder/venv/bin/python3 /home/satinder/x.py | runs python3, an interpreter",
        "/usr/bin/python3-dbg /opt/x.py               | runs python3-dbg, an interpreter",
        "/usr/bin/perl -e 1                           | runs perl, an interpreter",
        "/usr/bin/perl5.36.0 /opt/x.pl                | runs perl5.36.0, an interpreter",
        "/usr/bin/ruby3.1 x                           | an interpreter",
        "/usr/bin/node /opt/app.js                    | an interpreter",
        "/usr/bin/php8.2 x                            | an interpreter",
        "/usr/bin/lua5.4 x                            | an interpreter",
        "/usr/bin/java -jar /opt/x.jar                | an interpreter",
        "/usr/bin/awk {print}                         | runs awk, an interpreter",
        "/usr/bin/gawk x                              | an interpreter",
        "/usr/bin/vim.basic /etc/hosts                | runs vim.basic, an editor, which can start a shell",
        "/usr/bin/vi /etc/hosts                       | an editor",
        "/usr/bin/nano /etc/hosts                     | an editor",
        "/bin/ed /etc/hosts                           | an editor",
        "/usr/bin/emacs-nox /etc/hosts                | an editor",
        "/usr/bin/sudoedit /etc/hosts                 | an editor",
        "/usr/bin/less /var/log/syslog                | runs less, a pager",
        "/usr/bin/more /var/log/syslog                | a pager",
        "/usr/bin/man ls                              | a pager",
        "/usr/bin/journalctl -u paqet-server          | runs journalctl, a pager (or shows its output in one)",
        "/usr/bin/journalctl                          | runs journalctl",
        "/usr/bin/apt-get install nginx               | runs apt-get, a package tool",
        "/usr/bin/apt update                          | a package tool",
        "/usr/bin/dpkg -i x.deb                       | a package tool",
        "/usr/bin/pip3 install x                      | runs pip3, a package tool",
        "/usr/bin/npm install                         | a package tool",
        "/usr/bin/find /var/log -name x               | runs find, a program that runs other programs",
        "/bin/tar -cf /tmp/x.tar /etc                 | runs tar, a file tool",
        "/usr/bin/rsync -a /a /b                      | a file tool",
        "/usr/bin/env FOO=1 /usr/bin/id               | runs env, a program that runs other programs",
        "/usr/bin/sudo -u bob id                      | runs sudo",
        "/bin/su bob                                  | runs su",
        "/bin/chmod 644 /etc/x                        | runs chmod, a file tool, which can overwrite or open up any file",
        "/bin/chown root /etc/x                       | a file tool",
        "/bin/cp /a /b                                | a file tool",
        "/bin/mv /a /b                                | a file tool",
        "/usr/bin/tee /etc/x                          | a file tool",
        "/bin/dd if=/a of=/b                          | a file tool",
        "/usr/bin/setsid /opt/x.sh                    | runs setsid, a program that runs other programs",
        "/usr/bin/xargs id                            | runs xargs",
        "/usr/bin/systemctl                           | systemctl can show a pager or open an editor",
        "/usr/bin/systemctl *                         | systemctl can show a pager",
        "/usr/bin/systemctl restart *                 | only is-active, is-enabled, is-failed, reload",
        "/usr/bin/systemctl status paqet-server       | systemctl can show a pager",
        "/usr/bin/systemctl edit paqet-server         | open an editor",
        "/usr/bin/systemctl restart --now x.service   | of named units go without --yes",
        "/usr/bin/systemctl restart                   | of named units",
        "/usr/bin/docker                              | docker can start a container with / mounted",
        "/usr/bin/docker run -v /:/h alpine           | docker can start a container",
        "/usr/bin/pm2 start /home/x/app.js            | pm2 starts any script as root",
      })
  void everythingElseNeedsAYesAndSaysWhy(String line, String why) {
    List<String> argv = List.of(line.strip().split(" "));
    assertThat(SudoGate.needsYes(argv))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("'" + String.join(" ", argv) + "'")
                    .contains(why.strip()));
  }

  @Test
  void aProgramThatAnotherAccountCanChangeIsNamedWithThatAccount() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "satinder:x:1234:1234::/home/satinder:/bin/sh\n");
    Files.writeString(dir.resolve("etc/group"), "ops:x:4321:\n");
    HostRoot root = new HostRoot(dir);
    Accounts accounts = new Accounts(root);

    Path script = dir.resolve("home/satinder/bin/restart.sh");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/bin/sh\n");
    Files.setAttribute(dir.resolve("home/satinder"), "unix:uid", 1234);
    assertThat(SudoGate.changeableBy(root, accounts, "/home/satinder/bin/restart.sh"))
        .hasValue("satinder (who owns " + dir.resolve("home/satinder") + ")");

    Path opt = dir.resolve("opt/app/run.sh");
    Files.createDirectories(opt.getParent());
    Files.writeString(opt, "#!/bin/sh\n");
    assertThat(SudoGate.changeableBy(root, accounts, "/opt/app/run.sh")).isEmpty();
    assertThat(SudoGate.changeableBy(root, accounts, "/opt/app/not-there-yet")).isEmpty();

    Files.setAttribute(opt.getParent(), "unix:gid", 4321);
    Files.setPosixFilePermissions(opt.getParent(), PosixFilePermissions.fromString("rwxrwxr-x"));
    assertThat(SudoGate.changeableBy(root, accounts, "/opt/app/run.sh"))
        .hasValueSatisfying(w -> assertThat(w).startsWith("group ops (which may write"));
    assertThat(SudoGate.changeableBy(root, accounts, "/opt/app/not-there-yet"))
        .as("whoever may write the folder can create the program")
        .isPresent();

    Files.setPosixFilePermissions(opt.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(opt, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(SudoGate.changeableBy(root, accounts, "/opt/app/run.sh"))
        .hasValueSatisfying(w -> assertThat(w).startsWith("every account"));

    Path link = dir.resolve("usr/local/bin/run");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, script);
    assertThat(SudoGate.changeableBy(root, accounts, "/usr/local/bin/run"))
        .as("a link is judged by where it leads")
        .hasValueSatisfying(w -> assertThat(w).startsWith("satinder"));
  }

  @Test
  void versionsAndVariantsAreStripped() {
    assertThat(SudoGate.base("python3.11")).isEqualTo("python");
    assertThat(SudoGate.base("vim.basic")).isEqualTo("vim");
    assertThat(SudoGate.base("pip3")).isEqualTo("pip");
    assertThat(SudoGate.base("systemctl")).isEqualTo("systemctl");
  }
}
