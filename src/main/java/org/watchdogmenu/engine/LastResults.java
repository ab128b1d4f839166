package org.watchdogmenu.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.JsonText;

/** Keeps the last health check result of each target, for {@code status} and the menu. */
public final class LastResults {
  /** Made on first use: a check writes its result without building a mapper. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final HostRoot root;

  public LastResults(HostRoot root) {
    this.root = root;
  }

  public void save(String targetId, CheckReport report) throws IOException {
    AtomicFile.write(
        file(targetId),
        ("{\"at\":"
                + report.at().getEpochSecond()
                + ",\"outcome\":"
                + JsonText.quote(report.outcome().name())
                + ",\"summary\":"
                + JsonText.quote(report.summary())
                + "}")
            .getBytes(StandardCharsets.UTF_8),
        PosixFilePermissions.fromString("rw-r--r--"),
        // rewritten by every check: a sync would cost more than the rest of a check
        AtomicFile.Durability.UNSYNCED);
  }

  /** The last result, or empty when none was recorded or the record is unreadable. */
  public Optional<CheckReport> load(String targetId) {
    Path file = file(targetId);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Stored s = Json.MAPPER.readValue(file.toFile(), Stored.class);
      return Optional.of(
          new CheckReport(
              Instant.ofEpochSecond(s.at()), Outcome.valueOf(s.outcome()), s.summary()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Path file(String targetId) {
    return root.resolve("/var/lib/watchdog-menu/last/" + targetId + ".json");
  }

  private record Stored(long at, String outcome, String summary) {}
}
