package org.watchdogmenu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real install.sh into a temp prefix with the jar this build made. */
class InstallScriptIT {
  private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."), "install.sh");
  private static final String JAR = System.getProperty("watchdog.jar");
  private static final String VERSION_LINE = "watchdog-menu \\d+\\.\\d+\\.\\d+\\S*\n";

  @TempDir Path tmp;
  private Path prefix;
  private Path jar;
  private Path archive;
  private Path launcher;

  @BeforeEach
  void paths() {
    assertThat(JAR).as("system property watchdog.jar").isNotNull();
    assertThat(Path.of(JAR)).as("the built jar").isRegularFile();
    prefix = tmp.resolve("root");
    jar = prefix.resolve("opt/watchdog-menu/watchdog-menu.jar");
    archive = prefix.resolve("opt/watchdog-menu/app.jsa");
    launcher = prefix.resolve("usr/local/bin/watchdog-menu");
  }

  @Test
  void installsIntoThePrefixAndTheLauncherPrintsOnlyTheVersion() throws Exception {
    Run install = install();

    assertThat(install.exit).as(install.toString()).isZero();
    assertThat(install.stderr).isEmpty();
    assertThat(Files.readAllBytes(jar)).isEqualTo(Files.readAllBytes(Path.of(JAR)));
    assertThat(archive).isRegularFile();
    assertThat(mode(launcher)).isEqualTo("rwxr-xr-x");
    assertThat(mode(prefix.resolve("etc/watchdog-menu/targets"))).isEqualTo("rwxr-xr-x");
    assertThat(prefix.resolve("var/lib/watchdog-menu")).isDirectory();
    String script = Files.readString(launcher);
    assertThat(script)
        .startsWith("#!/bin/sh\n")
        .contains("-jar " + jar + " \"$@\"")
        .contains("-XX:SharedArchiveFile=" + archive)
        .contains("-Xshare:auto -XX:SharedArchiveFile=")
        .contains("-Xlog:disable -Xlog:all=warning:stderr");

    Run version = run(List.of(launcher.toString(), "--version"), Map.of());
    assertThat(version.exit).isZero();
    assertThat(version.stdout).matches(VERSION_LINE);
    assertThat(version.stderr).isEmpty();
  }

  @Test
  void buildsFromSourceAndARebuildOfTheSameSourcesChangesNothing() throws Exception {
    // a copy of the sources, so the inner build does not clean this build's target/
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Run copy =
        run(
            List.of(
                "bash",
                "-c",
                "tar -C \"$0\" --exclude=./target --exclude=./.git -cf - . | tar -C \"$1\" -xf -",
                SCRIPT.getParent().toAbsolutePath().toString(),
                src.toString()),
            Map.of());
    assertThat(copy.exit).as(copy.toString()).isZero();

    Run first =
        run(
            List.of("bash", src.resolve("install.sh").toString(), "--prefix", prefix.toString()),
            Map.of());
    assertThat(first.exit).as(first.toString()).isZero();
    assertThat(first.stdout).contains("building the jar with Maven").contains("installed " + jar);
    assertVersionOnlyOnStdout();
    FileTime installed = Files.getLastModifiedTime(jar);

    Run second =
        run(
            List.of("bash", src.resolve("install.sh").toString(), "--prefix", prefix.toString()),
            Map.of());
    assertThat(second.exit).as(second.toString()).isZero();
    assertThat(second.stdout).contains("is already installed; nothing changed");
    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(installed);
  }

  @Test
  void launcherRunsWithTheEnvironmentCronGives() throws Exception {
    assertThat(install().exit).isZero();

    Run version =
        run(
            List.of(
                "env",
                "-i",
                "PATH=/usr/bin:/bin",
                "SHELL=/bin/sh",
                launcher.toString(),
                "--version"),
            Map.of());

    assertThat(version.exit).as(version.toString()).isZero();
    assertThat(version.stdout).matches(VERSION_LINE);
    assertThat(version.stderr).isEmpty();
  }

  @Test
  void launcherPassesArgumentsThrough() throws Exception {
    assertThat(install().exit).isZero();

    Run bad = run(List.of(launcher.toString(), "list", "a b"), Map.of());

    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.stderr).contains("unexpected argument 'a b'");
  }

  @Test
  void secondRunChangesNothing() throws Exception {
    assertThat(install().exit).isZero();
    List<Path> files = List.of(jar, archive, launcher);
    List<FileTime> before = new ArrayList<>();
    for (Path f : files) {
      before.add(Files.getLastModifiedTime(f));
    }

    Run again = install();

    assertThat(again.exit).as(again.toString()).isZero();
    assertThat(again.stdout).contains("is already installed; nothing changed");
    assertThat(again.stdout).doesNotContain("installed " + prefix).doesNotContain("created");
    for (int i = 0; i < files.size(); i++) {
      assertThat(Files.getLastModifiedTime(files.get(i)))
          .as(files.get(i).toString())
          .isEqualTo(before.get(i));
    }
  }

  @Test
  void damagedMissingOrStaleArchiveNeverBreaksTheLauncher() throws Exception {
    assertThat(install().exit).isZero();

    Files.writeString(archive, "not an archive");
    assertVersionOnlyOnStdout();

    Files.delete(archive);
    assertVersionOnlyOnStdout();

    // an archive made for another jar: the JVM refuses it and runs without
    assertThat(install().exit).isZero();
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    assertVersionOnlyOnStdout();
  }

  @Test
  void rerunRepairsAStaleArchive() throws Exception {
    assertThat(install().exit).isZero();
    Files.writeString(archive, "not an archive");

    Run repair = install();

    assertThat(repair.exit).as(repair.toString()).isZero();
    assertThat(repair.stdout).contains("built the class-data archive");
    assertThat(Files.size(archive)).isGreaterThan(100_000);
  }

  @Test
  void newJarReplacesTheOldOne() throws Exception {
    assertThat(install().exit).isZero();
    Path other = tmp.resolve("other.jar");
    Files.copy(Path.of(JAR), other);
    try (FileSystem zip = FileSystems.newFileSystem(other)) {
      Files.writeString(zip.getPath("extra.txt"), "a newer build\n");
    }

    Run update = install("--prefix", prefix.toString(), "--no-build", other.toString());

    assertThat(update.exit).as(update.toString()).isZero();
    assertThat(update.stdout).contains("installed " + jar).contains("built the class-data archive");
    assertThat(Files.size(jar)).isEqualTo(Files.size(other));
  }

  @Test
  void jarThatDoesNotRunIsRefusedAndTheInstallKept() throws Exception {
    assertThat(install().exit).isZero();
    byte[] good = Files.readAllBytes(jar);
    Path broken = tmp.resolve("broken.jar");
    Files.writeString(broken, "not a jar");

    Run run = install("--prefix", prefix.toString(), "--no-build", broken.toString());

    assertOneLineError(run, "install.sh: '" + broken + "' does not run");
    assertThat(Files.readAllBytes(jar)).isEqualTo(good);
    assertVersionOnlyOnStdout();
  }

  @Test
  void uninstallRemovesJarFolderAndLauncherAndKeepsTheConfiguration() throws Exception {
    assertThat(install().exit).isZero();
    Files.writeString(prefix.resolve("etc/watchdog-menu/targets/web.yaml"), "id: web\n");

    Run uninstall = install("--uninstall", "--prefix", prefix.toString());

    assertThat(uninstall.exit).as(uninstall.toString()).isZero();
    assertThat(prefix.resolve("opt/watchdog-menu")).doesNotExist();
    assertThat(launcher).doesNotExist();
    assertThat(prefix.resolve("etc/watchdog-menu/targets/web.yaml")).exists();
    assertThat(prefix.resolve("var/lib/watchdog-menu")).isDirectory();

    Run twice = install("--uninstall", "--prefix", prefix.toString());
    assertThat(twice.exit).isZero();

    Run purge = install("--uninstall", "--purge", "--prefix", prefix.toString());
    assertThat(purge.exit).isZero();
    assertThat(prefix.resolve("etc/watchdog-menu")).doesNotExist();
    assertThat(prefix.resolve("var/lib/watchdog-menu")).doesNotExist();
  }

  @Test
  void destdirWorksLikePrefix() throws Exception {
    Run install =
        run(
            List.of("bash", SCRIPT.toString(), "--no-build", JAR),
            Map.of("DESTDIR", prefix.toString()));

    assertThat(install.exit).as(install.toString()).isZero();
    assertThat(Files.readString(launcher)).contains("-jar " + jar + " ");
  }

  @Test
  void unknownOptionIsAOneLineError() throws Exception {
    assertOneLineError(install("--frobnicate"), "install.sh: unknown option '--frobnicate'");
  }

  @Test
  void missingJarIsAOneLineErrorAndInstallsNothing() throws Exception {
    Run run = install("--prefix", prefix.toString(), "--no-build", tmp + "/nope.jar");

    assertOneLineError(run, "install.sh: no jar at '" + tmp + "/nope.jar'");
    assertThat(prefix).doesNotExist();
  }

  @Test
  void unsupportedOsIsAOneLineError() throws Exception {
    Path release = tmp.resolve("os-release");
    Files.writeString(release, "NAME=\"Fedora Linux\"\nID=fedora\n");

    Run run =
        run(
            List.of("bash", SCRIPT.toString(), "--prefix", prefix.toString(), "--no-build", JAR),
            Map.of("WATCHDOG_MENU_OS_RELEASE", release.toString()));

    assertOneLineError(run, "install.sh: unsupported OS 'fedora'");
    assertThat(prefix).doesNotExist();
  }

  @Test
  void systemInstallByANonRootUserIsAOneLineError() throws Exception {
    // a copy that user nobody can read, wherever the checkout lives
    Path dir = tmp.resolve("pub");
    Files.createDirectories(dir);
    Path copy = Files.copy(SCRIPT, dir.resolve("install.sh"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run run =
        run(List.of("runuser", "-u", "nobody", "--", "bash", copy.toString(), "--help"), Map.of());
    assertThat(run.exit).as(run.toString()).isZero();

    run = run(List.of("runuser", "-u", "nobody", "--", "bash", copy.toString()), Map.of());
    assertOneLineError(run, "install.sh: must be run as root");
  }

  @Test
  void helpNamesEveryOption() throws Exception {
    Run help = install("--help");

    assertThat(help.exit).isZero();
    assertThat(help.stdout)
        .contains("--prefix DIR")
        .contains("--no-build JAR")
        .contains("--uninstall")
        .contains("--purge")
        .contains("--deps-only")
        .contains("--no-install-recommends")
        .contains("DESTDIR");
  }

  // --- the run-time programs: cron, logrotate, sudo ---------------------------------

  /**
   * Fake apt-get, dpkg-query, systemctl, service, pidof and cron first in PATH: each records its
   * argv in {@code calls}; dpkg-query answers from {@code installed} (one package a line), apt-get
   * install adds to it; pidof finds cron when {@code cron.running} exists, which service and cron
   * create when they start it; systemctl is-enabled/is-active answer from {@code enabled} and
   * {@code cron.running}.
   */
  private Path stubs(String... installed) throws IOException {
    Path bin = tmp.resolve("stubs");
    Files.createDirectories(bin);
    Files.write(bin.resolve("installed"), List.of(installed));
    Files.writeString(bin.resolve("calls"), "");
    String record = "echo \"$(basename \"$0\") $*\" >> \"$STUBS/calls\"\n";
    stub(
        bin,
        "apt-get",
        record
            + "echo \"DEBIAN_FRONTEND=$DEBIAN_FRONTEND\" >> \"$STUBS/env\"\n"
            + "if [ \"$1\" = install ]; then\n"
            + "  for a in \"$@\"; do case $a in -*|install) ;; *) echo \"$a\" >> \"$STUBS/installed\" ;; esac; done\n"
            + "fi\n");
    stub(
        bin,
        "dpkg-query",
        "for p; do :; done\n"
            + "if grep -qx \"$p\" \"$STUBS/installed\"; then echo 'install ok installed'; exit 0; fi\n"
            + "echo \"dpkg-query: no packages found matching $p\" >&2; exit 1\n");
    stub(
        bin,
        "systemctl",
        record
            + "case $1 in\n"
            + "  is-enabled) [ -e \"$STUBS/enabled\" ] ;;\n"
            + "  is-active) [ -e \"$STUBS/cron.running\" ] ;;\n"
            + "  enable) touch \"$STUBS/enabled\" \"$STUBS/cron.running\" ;;\n"
            + "esac\n");
    stub(bin, "pidof", "[ \"$1\" = cron ] && [ -e \"$STUBS/cron.running\" ]\n");
    stub(
        bin,
        "service",
        record + "[ -e \"$STUBS/service.fails\" ] && exit 1\ntouch \"$STUBS/cron.running\"\n");
    stub(
        bin,
        "cron",
        record + "[ -e \"$STUBS/cron.fails\" ] && exit 1\ntouch \"$STUBS/cron.running\"\n");
    return bin;
  }

  private static void stub(Path bin, String name, String body) throws IOException {
    Path f = bin.resolve(name);
    Files.writeString(f, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Run deps(Path bin, boolean systemd, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    argv.addAll(List.of(args.length == 0 ? new String[] {"--deps-only"} : args));
    return run(
        argv,
        Map.of(
            "PATH",
            bin + ":/usr/bin:/bin",
            "STUBS",
            bin.toString(),
            "WATCHDOG_MENU_SYSTEMD_RUN",
            systemd
                ? Files.createDirectories(tmp.resolve("systemd")).toString()
                : tmp.resolve("no-systemd").toString()));
  }

  private static List<String> calls(Path bin) throws IOException {
    return Files.readAllLines(bin.resolve("calls"));
  }

  @Test
  void aMachineWithoutCronLogrotateAndSudoGetsThemWithoutRecommendsAndCronIsStarted()
      throws Exception {
    Path bin = stubs("bash", "coreutils");

    Run run = deps(bin, false);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(calls(bin))
        .containsExactly(
            "apt-get update",
            "apt-get install -y --no-install-recommends cron logrotate sudo",
            "service cron start");
    assertThat(Files.readAllLines(bin.resolve("env")))
        .containsOnly("DEBIAN_FRONTEND=noninteractive");
    assertThat(run.stdout)
        .contains("watchdog-menu: installed cron logrotate sudo (the programs watchdog-menu runs)")
        .contains("watchdog-menu: started cron (service cron start)");
    assertThat(run.stderr).isEmpty();
  }

  @Test
  void nothingIsInstalledWhenThePackagesArePresentAndCronRuns() throws Exception {
    Path bin = stubs("cron", "logrotate", "sudo");
    Files.writeString(bin.resolve("cron.running"), "");

    Run run = deps(bin, false);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(calls(bin)).isEmpty();
    assertThat(run.stdout)
        .isEqualTo(
            "watchdog-menu: cron, logrotate and sudo are installed\n"
                + "watchdog-menu: cron is running\n");
  }

  @Test
  void onlyTheMissingOneIsInstalledAndAnotherCronPackageCounts() throws Exception {
    Path bin = stubs("cronie", "sudo-ldap");
    Files.writeString(bin.resolve("cron.running"), "");

    Run run = deps(bin, false);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(calls(bin))
        .containsExactly("apt-get update", "apt-get install -y --no-install-recommends logrotate");
    assertThat(run.stdout).contains("a cron daemon runs");
  }

  @Test
  void underSystemdCronIsEnabledAndStarted() throws Exception {
    Path bin = stubs("cron", "logrotate", "sudo");

    Run run = deps(bin, true);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(calls(bin))
        .containsExactly("systemctl is-enabled --quiet cron", "systemctl enable --now cron");
    assertThat(run.stdout)
        .contains("watchdog-menu: enabled and started cron (systemctl enable --now cron)");

    Run again = deps(bin, true);
    assertThat(again.stdout).contains("watchdog-menu: cron is running");
    assertThat(calls(bin)).filteredOn(c -> c.startsWith("systemctl enable")).hasSize(1);
  }

  @Test
  void withoutServiceTheDaemonIsStartedItself() throws Exception {
    Path bin = stubs("cron", "logrotate", "sudo");
    Files.writeString(bin.resolve("service.fails"), "");

    Run run = deps(bin, false);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(calls(bin)).containsExactly("service cron start", "cron ");
    assertThat(run.stdout).contains("watchdog-menu: started cron (" + bin.resolve("cron") + ")");
  }

  @Test
  void cronThatCannotBeStartedIsAClearWarning() throws Exception {
    Path bin = stubs("cron", "logrotate", "sudo");
    Files.writeString(bin.resolve("service.fails"), "");
    Files.writeString(bin.resolve("cron.fails"), "");

    Run run = deps(bin, false);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.stderr)
        .isEqualTo(
            "install.sh: warning: cron could not be started: no schedule will fire until cron"
                + " runs; start it with: service cron start\n");
  }

  @Test
  void aPrefixInstallLeavesTheMachinesPackagesAndDaemonsAlone() throws Exception {
    Path bin = stubs();

    Run run = deps(bin, false, "--prefix", prefix.toString(), "--no-build", JAR);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(calls(bin)).isEmpty();
    assertThat(run.stdout).doesNotContain("cron");
  }

  private void assertVersionOnlyOnStdout() throws Exception {
    Run version = run(List.of(launcher.toString(), "--version"), Map.of());
    assertThat(version.exit).as(version.toString()).isZero();
    assertThat(version.stdout).matches(VERSION_LINE);
  }

  private static void assertOneLineError(Run run, String start) {
    assertThat(run.exit).as(run.toString()).isNotZero();
    assertThat(run.stdout).isEmpty();
    assertThat(run.stderr).startsWith(start).endsWith("\n");
    assertThat(run.stderr.lines()).hasSize(1);
  }

  private Run install() throws Exception {
    return install("--prefix", prefix.toString(), "--no-build", JAR);
  }

  private Run install(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    argv.addAll(List.of(args));
    return run(argv, Map.of());
  }

  private Run run(List<String> argv, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(tmp.toFile());
    pb.environment().remove("DESTDIR");
    pb.environment().putAll(env);
    Path out = tmp.resolve(".out");
    Path err = tmp.resolve(".err");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(argv + " did not finish in 300 s");
    }
    return new Run(argv, p.exitValue(), read(out), read(err));
  }

  private static String read(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    Files.delete(file);
    return s;
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private record Run(List<String> argv, int exit, String stdout, String stderr) {
    @Override
    public String toString() {
      return argv + " exited " + exit + "\nstdout:\n" + stdout + "stderr:\n" + stderr;
    }
  }
}
