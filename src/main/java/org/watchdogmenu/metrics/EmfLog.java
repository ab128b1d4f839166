package org.watchdogmenu.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Appends CloudWatch embedded-metric-format lines to a log file that a CloudWatch agent ships
 * (agent setting {@code logs.metrics_collected.emf} or a log file entry with {@code log_format:
 * emf}). One line per call, written with a single append so lines of concurrent runs never mix.
 */
final class EmfLog implements CloudWatchSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  EmfLog(Path file) {
    this.file = file;
  }

  @Override
  public void put(String namespace, String target, Instant at, List<CloudWatchDatum> data)
      throws IOException {
    byte[] line = (line(namespace, target, at, data) + "\n").getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(file.getParent());
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
    }
  }

  /**
   * {@code {"_aws":{"Timestamp":MS,"CloudWatchMetrics":[...]},"Target":"web","ServiceStatus":1}}
   */
  static String line(String namespace, String target, Instant at, List<CloudWatchDatum> data) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", at.toEpochMilli());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", namespace);
    directive.putArray("Dimensions").addArray().add("Target");
    ArrayNode metrics = directive.putArray("Metrics");
    for (CloudWatchDatum d : data) {
      metrics.addObject().put("Name", d.name()).put("Unit", d.unit());
    }
    root.put("Target", target);
    for (CloudWatchDatum d : data) {
      root.put(d.name(), d.value());
    }
    return root.toString();
  }
}
