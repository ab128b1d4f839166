package org.watchdogmenu.os;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Asks the docker CLI about a container. */
public final class Docker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Docker() {}

  /**
   * A container's state.
   *
   * @param problem why the state could not be read (docker missing, daemon down), else null
   */
  public record State(
      boolean exists, boolean running, String status, Optional<Instant> started, String problem) {}

  public static Command inspect(String container, Duration timeout) {
    return Command.of(timeout, "docker", "inspect", "--format", "{{json .State}}", container);
  }

  public static Command restart(String container, Duration timeout) {
    return Command.of(timeout, "docker", "restart", container);
  }

  public static State state(Host host, String container, Duration timeout) {
    CommandResult r = host.runner().run(inspect(container, timeout));
    if (r.outcome() != CommandResult.Outcome.EXITED) {
      return new State(false, false, "unknown", Optional.empty(), "docker inspect " + r.summary());
    }
    if (r.exitCode() != 0) {
      if (r.stderr().contains("No such")) {
        return new State(false, false, "missing", Optional.empty(), null);
      }
      return new State(false, false, "unknown", Optional.empty(), "docker inspect " + r.summary());
    }
    try {
      JsonNode s = JSON.readTree(r.stdout());
      return new State(
          true,
          s.path("Running").asBoolean(false),
          s.path("Status").asText("unknown"),
          started(s.path("StartedAt").asText("")),
          null);
    } catch (IOException e) {
      return new State(
          false, false, "unknown", Optional.empty(), "docker inspect printed no JSON state");
    }
  }

  private static Optional<Instant> started(String text) {
    try {
      Instant t = Instant.parse(text);
      return t.getEpochSecond() > 0 ? Optional.of(t) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
