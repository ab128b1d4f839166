package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real programs integration tests need; a missing one fails the test with the fix. */
final class RealTools {
  private RealTools() {}

  static String require(String program, String debianPackage) {
    String pathVar = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : (pathVar + ":/usr/sbin:/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return fail(
        program
            + " is not installed: run scripts/test.sh, which installs Debian's "
            + debianPackage
            + " package");
  }
}
