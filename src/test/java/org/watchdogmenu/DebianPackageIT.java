package org.watchdogmenu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package this build made (target/watchdog-menu_VERSION_all.deb): its fields and files,
 * lintian, and a real {@code apt-get install}, use and {@code apt-get purge} on this machine. A
 * watchdog-menu installed by install.sh (/opt, /usr/local) is left as it was; a watchdog-menu
 * package someone else installed is not touched (the test is skipped).
 */
class DebianPackageIT {
  private static final String DEB = System.getProperty("watchdog.deb");
  private static final String VERSION = System.getProperty("watchdog.version");
  private static final String DEPENDS =
      "default-jre-headless (>= 2:1.17) | java17-runtime-headless, cron | cron-daemon,"
          + " logrotate, sudo";

  /** Two runs of this test (two checkouts on one machine) take turns. */
  private static final Path TURN = Path.of("/run/lock/watchdog-menu-debian-package-it.lock");

  private static final List<String> INSTALL_SH_FILES =
      List.of(
          "/opt/watchdog-menu",
          "/usr/local/bin/watchdog-menu",
          "/usr/local/share/man/man1/watchdog-menu.1.gz",
          "/usr/local/share/bash-completion/completions/watchdog-menu");
  private static final List<String> OPERATOR_FILES =
      List.of("/etc/watchdog-menu", "/var/lib/watchdog-menu");

  @TempDir Path tmp;
  private Path deb;

  @BeforeEach
  void theBuildMadeAPackage() {
    assertThat(DEB).as("system property watchdog.deb (set by the build)").isNotNull();
    deb = Path.of(DEB);
    assertThat(deb).as("the package; run 'mvn verify'").isRegularFile();
    assertThat(deb.getFileName().toString()).isEqualTo("watchdog-menu_" + VERSION + "_all.deb");
  }

  @Test
  void controlFieldsNameTheJavaRuntimeAndTheToolsItDrives() throws Exception {
    Run info = run("dpkg-deb", "-f", deb.toString());

    assertThat(info.exit).as(info.toString()).isZero();
    Map<String, String> fields = fields(info.out);
    assertThat(fields)
        .containsEntry("Package", "watchdog-menu")
        .containsEntry("Version", VERSION)
        .containsEntry("Architecture", "all")
        .containsEntry("Section", "admin")
        .containsEntry("Depends", DEPENDS);
    assertThat(fields.get("Description")).startsWith("guarded health checks");
  }

  @Test
  void containsJarLauncherManPageCompletionAndDocsAndNothingOfTheOperators() throws Exception {
    Map<String, String> files = contents();

    assertThat(files)
        .containsEntry("/usr/share/watchdog-menu/watchdog-menu.jar", "-rw-r--r-- root/root")
        .containsEntry("/usr/bin/watchdog-menu", "-rwxr-xr-x root/root")
        .containsEntry("/usr/share/man/man1/watchdog-menu.1.gz", "-rw-r--r-- root/root")
        .containsEntry(
            "/usr/share/bash-completion/completions/watchdog-menu", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/doc/watchdog-menu/copyright", "-rw-r--r-- root/root")
        .containsEntry("/usr/share/doc/watchdog-menu/changelog.gz", "-rw-r--r-- root/root")
        .containsEntry("/var/cache/watchdog-menu/", "drwxr-xr-x root/root");
    assertThat(files.keySet())
        .noneMatch(p -> p.startsWith("/etc/") || p.startsWith("/opt/"))
        .noneMatch(p -> p.startsWith("/usr/local/") || p.startsWith("/var/lib/"));
    assertThat(files.values()).allMatch(owner -> owner.endsWith(" root/root"));
    assertThat(control()).contains("./postinst", "./prerm", "./postrm", "./triggers");
    assertThat(control()).as("no conffiles: /etc is the operator's").doesNotContain("./conffiles");
  }

  @Test
  void lintianFindsNoErrorsOrWarnings() throws Exception {
    String lintian = require("lintian");

    Run run = run(lintian, "--fail-on", "error,warning", "--no-tag-display-limit", DEB);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out.lines()).as(run.toString()).noneMatch(l -> l.matches("[EW]: .*"));
  }

  @Test
  void maintainerScriptsAndLauncherPassShellcheck() throws Exception {
    String shellcheck = require("shellcheck");
    Path control = tmp.resolve("control");
    Path data = tmp.resolve("data");
    assertThat(run("dpkg-deb", "-e", DEB, control.toString()).exit).isZero();
    assertThat(run("dpkg-deb", "-x", DEB, data.toString()).exit).isZero();

    Run check =
        run(
            shellcheck,
            "-s",
            "sh",
            control.resolve("postinst").toString(),
            control.resolve("prerm").toString(),
            control.resolve("postrm").toString(),
            data.resolve("usr/bin/watchdog-menu").toString());

    assertThat(check.exit).as(check.toString()).isZero();
    assertThat(Files.readString(data.resolve("usr/bin/watchdog-menu")))
        .startsWith("#!/bin/sh\n")
        .contains("-Djava.awt.headless=true -Dfile.encoding=UTF-8")
        .contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .contains("-XX:SharedArchiveFile=/var/cache/watchdog-menu/app.jsa")
        .contains("-Xlog:disable -Xlog:all=warning:stderr")
        .contains("-Dwatchdogmenu.launcher=/usr/bin/watchdog-menu")
        .contains("-jar /usr/share/watchdog-menu/watchdog-menu.jar \"$@\"");
  }

  @Test
  void changelogIsThisVersionAndCopyrightNamesTheBundledLibraries() throws Exception {
    Path data = tmp.resolve("data");
    assertThat(run("dpkg-deb", "-x", DEB, data.toString()).exit).isZero();
    Path doc = data.resolve("usr/share/doc/watchdog-menu");

    String changelog;
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(Files.newInputStream(doc.resolve("changelog.gz")))) {
      changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(changelog.lines().findFirst().orElse(""))
        .as("the changelog's latest entry (src/deb/changelog) names the package's version")
        .startsWith("watchdog-menu (" + VERSION + ") ");
    assertThat(Files.readString(doc.resolve("copyright")))
        .startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
        .contains("Files: picocli/*", "Files: com/googlecode/lanterna/*")
        .contains("Files: com/fasterxml/jackson/*", "Files: org/yaml/snakeyaml/*")
        .contains("Files: org/apache/commons/exec/*");

    // every bundled class is under a Files paragraph (a new library needs its copyright)
    List<String> patterns =
        Files.readString(doc.resolve("copyright"))
            .lines()
            .filter(l -> l.startsWith("Files: ") && l.endsWith("/*"))
            .map(l -> l.substring("Files: ".length(), l.length() - 1))
            .toList();
    try (java.util.zip.ZipFile jar =
        new java.util.zip.ZipFile(
            data.resolve("usr/share/watchdog-menu/watchdog-menu.jar").toFile())) {
      List<String> uncovered =
          jar.stream()
              .map(java.util.zip.ZipEntry::getName)
              .filter(n -> n.endsWith(".class"))
              .map(n -> n.replaceFirst("^META-INF/versions/\\d+/", ""))
              .filter(n -> !n.startsWith("org/watchdogmenu/") && !n.equals("module-info.class"))
              .filter(n -> patterns.stream().noneMatch(n::startsWith))
              .toList();
      assertThat(uncovered).as("classes no copyright paragraph covers").isEmpty();
    }
  }

  @Test
  void aptGetInstallsAWorkingToolAndPurgeLeavesNothingOfThePackage() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "installing a package needs root");
    require("dpkg");
    require("apt-get");
    Files.createDirectories(TURN.getParent());
    try (FileChannel turn =
            FileChannel.open(TURN, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = turn.lock()) {
      Run status = run("dpkg-query", "-W", "-f=${Status}", "watchdog-menu");
      assumeTrue(
          status.exit != 0 || status.out.endsWith("not-installed"),
          "watchdog-menu is installed as a package already ("
              + status.out
              + "): this test does not touch someone else's package");
      Map<String, String> installShBefore = snapshot(INSTALL_SH_FILES);
      boolean madeEtc = !Files.exists(Path.of("/etc/watchdog-menu"), LinkOption.NOFOLLOW_LINKS);
      Path operatorFile = Path.of("/etc/watchdog-menu/debian-package-it.txt");
      if (madeEtc) {
        Files.createDirectories(operatorFile.getParent());
        Files.writeString(operatorFile, "an operator's file\n");
      }
      Map<String, String> operatorBefore = snapshot(OPERATOR_FILES);
      try {
        installed();
        Run purge = apt("purge", "watchdog-menu");
        assertThat(purge.exit).as(purge.toString()).isZero();
        assertThat(purge.out + purge.err).contains("kept the operator's files");
        nothingOfThePackageIsLeft();
        assertThat(snapshot(OPERATOR_FILES)).isEqualTo(operatorBefore);
      } finally {
        run("dpkg", "--purge", "watchdog-menu");
        if (madeEtc) {
          Files.deleteIfExists(operatorFile);
          Files.deleteIfExists(operatorFile.getParent());
        }
      }
      assertThat(snapshot(INSTALL_SH_FILES)).as("install.sh's files").isEqualTo(installShBefore);
    }
  }

  /** Installs the package and uses it; the caller purges it. */
  private void installed() throws Exception {
    Run install = apt("install", "--no-install-recommends", DEB);
    if (install.exit != 0 && install.err.contains("Could not get lock")) {
      abort("dpkg is locked by another program: " + install.err.strip());
    }
    assertThat(install.exit).as(install.toString()).isZero();

    Path archive = Path.of("/var/cache/watchdog-menu/app.jsa");
    assertThat(archive).as("the class-data archive postinst built").isRegularFile();
    assertThat(Files.size(archive)).isGreaterThan(1_000_000);

    Run version = run("/usr/bin/watchdog-menu", "--version");
    assertThat(version.exit).as(version.toString()).isZero();
    assertThat(version.out).isEqualTo("watchdog-menu " + VERSION + "\n");
    assertThat(version.err).isEmpty();
    // cron's environment: a short PATH and nothing else
    Run cron = run("env", "-i", "PATH=/usr/bin:/bin", "SHELL=/bin/sh", "watchdog-menu", "-V");
    assertThat(cron.out).as(cron.toString()).isEqualTo(version.out);
    assertThat(cron.err).isEmpty();
    // the archive is the one this JVM accepts (-Xshare:on fails on a stale one)
    Run shared =
        run(
            "java",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xshare:on",
            "-XX:SharedArchiveFile=" + archive,
            "-jar",
            "/usr/share/watchdog-menu/watchdog-menu.jar",
            "--version");
    assertThat(shared.exit).as(shared.toString()).isZero();

    Path root = Files.createDirectories(tmp.resolve("root"));
    Path targets = Files.createDirectories(root.resolve("etc/watchdog-menu/targets"));
    try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Files.writeString(
          targets.resolve("demo.yaml"),
          String.join(
              "\n",
              "id: demo",
              "service: {kind: command, restart: [\"/bin/true\"]}",
              "probes:",
              "  - {type: tcp-listen, port: " + listening.getLocalPort() + "}",
              ""));
      Run list = run("/usr/bin/watchdog-menu", "--root", root.toString(), "list");
      assertThat(list.exit).as(list.toString()).isZero();
      assertThat(list.out).contains("paqet-server").contains("demo");

      Run check = run("/usr/bin/watchdog-menu", "--root", root.toString(), "check", "demo");
      assertThat(check.exit).as(check.toString()).isZero();
      assertThat(check.out).contains("=== Health Check PASSED: Service is healthy ===");
    }
    Run enable =
        run(
            "/usr/bin/watchdog-menu",
            "--root",
            root.toString(),
            "enable",
            "demo",
            "--health",
            "5m",
            "--dry-run");
    assertThat(enable.exit).as(enable.toString()).isZero();
    assertThat(enable.out)
        .as("cron calls the package's launcher")
        .contains("root /usr/bin/watchdog-menu --root " + root + " check demo");

    Run man =
        run(
            "man",
            "--warnings",
            "-E",
            "UTF-8",
            "-l",
            "-Tutf8",
            "-Z",
            "/usr/share/man/man1/watchdog-menu.1.gz");
    assertThat(man.exit).as(man.toString()).isZero();
    assertThat(man.err).as("groff's warnings").isEmpty();
    Run page = run("man", "-M", "/usr/share/man", "-P", "cat", "watchdog-menu");
    assertThat(page.out).contains("watchdog-menu check").contains("EXIT STATUS");

    Run completion =
        run(
            "bash",
            "-c",
            "source /usr/share/bash-completion/completions/watchdog-menu"
                + " && complete -p watchdog-menu");
    assertThat(completion.exit).as(completion.toString()).isZero();
    assertThat(completion.out).contains("-F _complete_watchdog-menu");

    // a JDK that changes fires the trigger on /usr/lib/jvm: the archive is built again
    Files.delete(archive);
    assertThat(run("dpkg-trigger", "--no-await", "/usr/lib/jvm").exit).isZero();
    Run triggered = run("dpkg", "--triggers-only", "watchdog-menu");
    assertThat(triggered.exit).as(triggered.toString()).isZero();
    assertThat(archive).isRegularFile();
  }

  private void nothingOfThePackageIsLeft() throws Exception {
    Run listed = run("dpkg", "-L", "watchdog-menu");
    assertThat(listed.exit).as(listed.toString()).isNotZero();
    Run status = run("dpkg-query", "-W", "-f=${Status}", "watchdog-menu");
    assertThat(status.exit != 0 || status.out.endsWith("not-installed"))
        .as(status.toString())
        .isTrue();
    for (String path : contents().keySet()) {
      Path p = Path.of(path);
      if (!path.endsWith("/") || path.contains("watchdog-menu")) {
        assertThat(Files.exists(p, LinkOption.NOFOLLOW_LINKS)).as(path + " is left").isFalse();
      }
    }
  }

  /** Path in the package (folders end in /) to "mode owner/group". */
  private Map<String, String> contents() throws Exception {
    Run list = run("dpkg-deb", "-c", DEB);
    assertThat(list.exit).as(list.toString()).isZero();
    Map<String, String> files = new LinkedHashMap<>();
    for (String line : list.out.lines().toList()) {
      String[] f = line.split("\\s+", 6);
      files.put(f[5].substring(1), f[0] + " " + f[1]);
    }
    return files;
  }

  private String control() throws Exception {
    Path dir = tmp.resolve("ctl");
    Run run = run("dpkg-deb", "-e", DEB, dir.toString());
    assertThat(run.exit).as(run.toString()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      return String.join(" ", files.map(p -> "./" + p.getFileName()).sorted().toList());
    }
  }

  private static Map<String, String> fields(String control) {
    Map<String, String> fields = new LinkedHashMap<>();
    String last = null;
    for (String line : control.lines().toList()) {
      if (line.startsWith(" ") && last != null) {
        fields.put(last, fields.get(last) + "\n" + line);
      } else if (line.contains(": ")) {
        last = line.substring(0, line.indexOf(": "));
        fields.put(last, line.substring(line.indexOf(": ") + 2));
      }
    }
    return fields;
  }

  /** Each path (a folder walked without following links) with a hash of what is there. */
  private static Map<String, String> snapshot(List<String> paths) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String path : paths) {
      Path top = Path.of(path);
      if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
        out.put(path, "absent");
        continue;
      }
      List<Path> all;
      try (Stream<Path> walk = Files.walk(top)) {
        all = walk.sorted().toList();
      }
      for (Path p : all) {
        out.put(p.toString(), describe(p));
      }
    }
    return out;
  }

  private static String describe(Path p) throws IOException {
    if (Files.isSymbolicLink(p)) {
      return "link " + Files.readSymbolicLink(p);
    }
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return "folder";
    }
    try {
      return HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
          + " "
          + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Run apt(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("apt-get", "-y", "-o", "DPkg::Lock::Timeout=300"));
    argv.addAll(List.of(args));
    return run(argv.toArray(String[]::new));
  }

  private static String require(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new AssertionError(
        program + " is not installed: run scripts/test.sh, which installs the test tools");
  }

  private Run run(String... argv) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(tmp.toFile());
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(List.of(argv) + " did not finish in 600 s");
    }
    Run r =
        new Run(
            List.of(argv),
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  private record Run(List<String> argv, int exit, String out, String err) {
    @Override
    public String toString() {
      return argv + " exited " + exit + "\nstdout:\n" + out + "stderr:\n" + err;
    }
  }
}
