package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with {@code src/test/resources/golden/NAME}. Run the tests with {@code
 * -Dgolden.update=true} to rewrite the files instead; {@code git diff} then shows the change.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .as("golden file %s is missing: run the tests with -Dgolden.update=true", file)
        .exists();
    assertThat(actual).as("golden file " + name).isEqualTo(Files.readString(file));
  }
}
