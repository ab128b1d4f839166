package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether cron runs: its pid file, else a process named cron in /proc; else is it installed. */
class CronDaemonTest {
  @TempDir Path dir;
  @TempDir Path bin;
  private HostRoot root;

  @BeforeEach
  void setUp() throws IOException {
    root = new HostRoot(dir);
    Files.createDirectories(dir.resolve("proc"));
  }

  private void process(long pid, String comm, String state) throws IOException {
    Path p = Files.createDirectories(dir.resolve("proc/" + pid));
    Files.writeString(p.resolve("comm"), comm + "\n");
    Files.writeString(p.resolve("stat"), pid + " (" + comm + ") " + state + " 1 1 1 0 -1\n");
  }

  private void pidFile(String text) throws IOException {
    Files.writeString(Files.createDirectories(dir.resolve("run")).resolve("crond.pid"), text);
  }

  private void cronProgram() throws IOException {
    Path cron = Files.writeString(bin.resolve("cron"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(cron, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private CronDaemon read() {
    return CronDaemon.of(root, List.of(bin));
  }

  @Test
  void thePidFileOfALiveCronCounts() throws IOException {
    process(1, "init", "S");
    process(812, "cron", "S");
    pidFile("812\n");

    CronDaemon cron = read();

    assertThat(cron.state()).isEqualTo(CronDaemon.State.RUNNING);
    assertThat(cron.words()).isEqualTo("running (pid 812)");
    assertThat(cron.warning()).isEmpty();
  }

  @Test
  void aStalePidFileIsNotBelievedAndProcIsScanned() throws IOException {
    pidFile("99\n");
    process(99, "bash", "S");
    process(4242, "cron", "S");

    assertThat(read().pid()).isEqualTo(4242);
  }

  @Test
  void aZombieCronRunsNothing() throws IOException {
    cronProgram();
    process(4242, "cron", "Z");

    assertThat(read().state()).isEqualTo(CronDaemon.State.NOT_RUNNING);
  }

  @Test
  void installedButNotRunningSaysHowToStartIt() throws IOException {
    cronProgram();
    process(1, "init", "S");

    assertThat(read().words())
        .isEqualTo("cron is not running: no schedule will fire; start it with service cron start");
    Files.createDirectories(dir.resolve("run/systemd/system"));
    assertThat(read().words())
        .isEqualTo(
            "cron is not running: no schedule will fire; start it with systemctl start cron");
  }

  @Test
  void notInstalledSaysWhichPackage() {
    assertThat(read().state()).isEqualTo(CronDaemon.State.NOT_INSTALLED);
    assertThat(read().words())
        .isEqualTo("cron is not installed: no schedule will fire; apt-get install cron");
  }
}
