package org.watchdogmenu.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;

/**
 * Publishes through {@code aws cloudwatch put-metric-data}, one call per update, with the values as
 * {@code --metric-data} JSON. The CLI finds its credentials as usual (instance role, {@code
 * ~/.aws}).
 */
final class AwsCli implements CloudWatchSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandRunner runner;
  private final String aws;
  private final String region;
  private final Duration timeout;

  AwsCli(CommandRunner runner, String aws, String region, Duration timeout) {
    this.runner = runner;
    this.aws = aws;
    this.region = region;
    this.timeout = timeout;
  }

  @Override
  public void put(String namespace, String target, Instant at, List<CloudWatchDatum> data)
      throws IOException {
    CommandResult r = runner.run(command(namespace, target, at, data));
    if (!r.succeeded()) {
      throw new IOException("aws cloudwatch put-metric-data " + r.summary());
    }
  }

  Command command(String namespace, String target, Instant at, List<CloudWatchDatum> data) {
    List<String> argv =
        new ArrayList<>(List.of(aws, "cloudwatch", "put-metric-data", "--namespace", namespace));
    if (region != null) {
      argv.add("--region");
      argv.add(region);
    }
    argv.add("--metric-data");
    argv.add(metricData(target, at, data));
    return Command.of(timeout, argv);
  }

  static String metricData(String target, Instant at, List<CloudWatchDatum> data) {
    ArrayNode all = JSON.createArrayNode();
    for (CloudWatchDatum d : data) {
      ObjectNode m = all.addObject();
      m.put("MetricName", d.name());
      m.putArray("Dimensions").addObject().put("Name", "Target").put("Value", target);
      m.put("Timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString());
      m.put("Value", d.value());
      m.put("Unit", d.unit());
    }
    return all.toString();
  }
}
