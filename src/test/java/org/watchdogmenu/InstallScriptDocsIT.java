package org.watchdogmenu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh installs the manual page and the bash completion the jar makes, and removes them. */
class InstallScriptDocsIT {
  private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."), "install.sh");
  private static final String JAR = System.getProperty("watchdog.jar");

  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  @Test
  void installsTheManualPageAndCompletionAndUninstallRemovesThem() throws Exception {
    Path prefix = tmp.resolve("root");
    Path manPage = prefix.resolve("usr/local/share/man/man1/watchdog-menu.1.gz");
    Path completion = prefix.resolve("usr/local/share/bash-completion/completions/watchdog-menu");

    Run install = install("--prefix", prefix.toString(), "--no-build", JAR);

    assertThat(install.exit()).as(install.toString()).isZero();
    assertThat(install.err()).isEmpty();
    assertThat(install.out()).contains("installed " + manPage).contains("installed " + completion);
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(manPage)))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .startsWith(".\\\" The manual page of watchdog-menu")
          .contains(".SH COMMANDS");
    }
    assertThat(Files.readString(completion)).contains("complete -F _complete_watchdog-menu");
    for (Path p : List.of(manPage, completion)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
          .isEqualTo("rw-r--r--");
    }
    FileTime written = Files.getLastModifiedTime(manPage);

    Run again = install("--prefix", prefix.toString(), "--no-build", JAR);
    assertThat(again.out()).contains("is already installed; nothing changed");
    assertThat(Files.getLastModifiedTime(manPage)).isEqualTo(written);

    Run uninstall = install("--uninstall", "--prefix", prefix.toString());
    assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
    assertThat(uninstall.out()).contains("removed " + manPage).contains("removed " + completion);
    assertThat(manPage).doesNotExist();
    assertThat(completion).doesNotExist();
  }

  private Run install(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(tmp.toFile());
    pb.environment().remove("DESTDIR");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(argv + " did not finish in 300 s");
    }
    Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
