package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a tool the real-thing tests need; fails (never skips) when it is not installed. */
final class RequiredTool {
  private RequiredTool() {}

  static Path find(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(
        name
            + " is not installed: run the project's test-dependency script first"
            + " (it installs microsocks with apt-get and pm2 with npm install -g pm2)");
  }
}
