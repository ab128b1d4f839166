package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PM2 housekeeping as cron runs it: the file the jar writes passes cron's own parser, and each job
 * line, run with {@code sh -c} as a real account in an app folder without {@code .runtime/logs},
 * creates that folder and appends its output there (before, the shell could not open the log and
 * the job never ran).
 */
class Pm2HousekeepingIT {
  @TempDir Path dir;
  private final String user = "wdmpm2" + Long.toString(System.nanoTime() % 1_000_000L, 36);
  private Path home;
  private boolean created;

  @BeforeEach
  void createUser() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    home = dir.resolve("home");
    assertThat(run(List.of("useradd", "-m", "-d", home.toString(), "-s", "/bin/sh", user)).exit)
        .isZero();
    created = true;
  }

  @AfterEach
  void removeUser() throws Exception {
    if (!created) {
      return;
    }
    asUser("pm2 kill");
    // whatever the account still runs (pm2's daemon if kill did not end it), by pid
    Result removed = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      List<ProcessHandle> left =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().user().map(user::equals).orElse(false))
              .toList();
      left.forEach(ProcessHandle::destroyForcibly);
      // -f: a killed daemon can linger as a zombie of the account for a moment
      removed = run(List.of("userdel", "-r", "-f", user));
      if (removed.exit == 0 || removed.exit == 12) { // 12: home already gone
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("userdel -r " + user + " failed: " + removed.out);
  }

  @Test
  void everyJobCreatesItsLogFolderAsTheUserAndRuns() throws Exception {
    Path app = home.resolve("app");
    Path logs = app.resolve("logs");
    asUser(
        "mkdir -p "
            + logs
            + " && touch "
            + logs.resolve("old.log")
            + " "
            + logs.resolve("new.log"));
    Files.setLastModifiedTime(
        logs.resolve("old.log"), FileTime.from(Instant.now().minus(Duration.ofDays(10))));

    Sandbox sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    Files.createDirectories(sandbox.path("/etc"));
    String passwd = run(List.of("getent", "passwd", user)).out;
    Files.writeString(sandbox.path("/etc/passwd"), passwd);
    Jar.Run units =
        Jar.run(sandbox.root, "units", "--pm2-housekeeping", user, "--app-dir", app.toString());
    assertThat(units.exit()).as(units.out() + units.err()).isZero();
    Path cron = sandbox.path("/etc/cron.d/pm2-housekeeping-" + user);

    // cron's own parser accepts every line (the user field reads as the start of a command)
    Result check = run(List.of(Tools.require("crontab"), "-n", cron.toString()));
    assertThat(check.exit).as(check.out).isZero();

    Map<String, String> env = new LinkedHashMap<>();
    List<String> jobs = new ArrayList<>();
    for (String line : Files.readAllLines(cron)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.matches("[A-Z_]+=.*")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        continue;
      }
      String[] f = line.split("\\s+", line.startsWith("@") ? 3 : 7);
      assertThat(f[f.length - 2]).as("user field of " + line).isEqualTo(user);
      // cron passes "\%" to the shell as "%"
      jobs.add(f[f.length - 1].replace("\\%", "%"));
    }
    assertThat(jobs).hasSize(4);
    Path runtime = app.resolve(".runtime");
    Path log = runtime.resolve("logs/cron.log");
    for (String job : jobs) {
      deleteTree(runtime);
      // the boot job's 30 s wait is cut short; the rest of the line runs as cron runs it
      String line = job.replace("sleep 30 &&", "sleep 0 &&");
      Result r = asUser(env.get("PATH"), line);
      assertThat(log).as(job + "\n" + r.out).exists();
      assertThat(Files.getOwner(log).getName()).isEqualTo(user);
      if (job.contains(" save ")) {
        assertThat(r.exit).as(r.out).isZero();
        assertThat(Files.readString(log)).containsIgnoringCase("sav");
      }
      if (job.contains(" resurrect ")) {
        assertThat(Files.readString(log)).containsIgnoringCase("resurrect");
      }
    }
    assertThat(logs.resolve("old.log")).as("the daily clean-up ran").doesNotExist();
    assertThat(logs.resolve("new.log")).exists();
  }

  private Result asUser(String command) throws Exception {
    return asUser("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", command);
  }

  /** As cron runs a job: the account's rights, its home as the folder, a small environment. */
  private Result asUser(String path, String command) throws Exception {
    return run(
        List.of(
            "runuser",
            "-u",
            user,
            "--",
            "env",
            "-i",
            "HOME=" + home,
            "LOGNAME=" + user,
            "SHELL=/bin/sh",
            "PATH=" + path,
            "/bin/sh",
            "-c",
            command),
        home);
  }

  private record Result(int exit, String out) {}

  private static Result run(List<String> argv) throws Exception {
    return run(argv, null);
  }

  private static Result run(List<String> argv, Path cwd) throws Exception {
    // output to a file, not a pipe: a daemon started by the command must not hold us up
    Path out = Files.createTempFile("wdm-pm2-", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      if (cwd != null) {
        pb.directory(cwd.toFile());
      }
      Process p = pb.start();
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as(String.join(" ", argv)).isTrue();
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(q);
      }
    }
  }
}
