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
        .contains("DESTDIR");
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
