package org.watchdogmenu.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;

/**
 * The content of {@code /etc/watchdog-menu/metrics.yaml}. Without the file: the Prometheus textfile
 * is written and CloudWatch is off.
 */
record MetricsConfig(Prometheus prometheus, CloudWatch cloudwatch) {
  static final MetricsConfig DEFAULTS = new MetricsConfig(null, null);

  MetricsConfig {
    prometheus = prometheus == null ? new Prometheus(null, null) : prometheus;
  }

  /**
   * @param textfile the {@code .prom} file node_exporter's textfile collector reads
   */
  record Prometheus(Boolean enabled, String textfile) {
    static final String TEXTFILE = "/var/lib/watchdog-menu/metrics/watchdog-menu.prom";

    Prometheus {
      enabled = enabled == null || enabled;
      textfile = textfile == null ? TEXTFILE : textfile;
      if (!textfile.startsWith("/") || !textfile.endsWith(".prom")) {
        throw new IllegalArgumentException(
            "'textfile' must be an absolute path ending in .prom (node_exporter reads"
                + " only *.prom), not '"
                + textfile
                + "'");
      }
    }
  }

  /** How CloudWatch gets the metrics. */
  enum Mode {
    /** Embedded-metric-format JSON lines in a log file a CloudWatch agent ships. */
    @JsonProperty("emf")
    EMF,
    /** {@code aws cloudwatch put-metric-data}, run with a timeout. */
    @JsonProperty("cli")
    CLI
  }

  /**
   * @param namespace for every target without its own, default the PM2 health-monitor guide's
   *     {@code PM2/CodeBox}
   * @param namespaces per target id, e.g. {@code pm2-codebox: PM2/CodeBox}
   * @param log the EMF log file (mode emf)
   * @param aws the aws program (mode cli)
   * @param region passed as {@code --region} when set (mode cli)
   */
  record CloudWatch(
      Mode mode,
      String namespace,
      Map<String, String> namespaces,
      String log,
      String aws,
      String region,
      Duration timeout) {
    static final String NAMESPACE = "PM2/CodeBox";
    static final String LOG = "/var/log/watchdog-menu/cloudwatch-emf.log";

    CloudWatch {
      mode = mode == null ? Mode.EMF : mode;
      namespace = namespace == null ? NAMESPACE : namespace;
      namespaces = namespaces == null ? Map.of() : Map.copyOf(namespaces);
      log = log == null ? LOG : log;
      aws = aws == null ? "aws" : aws;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      if (!log.startsWith("/")) {
        throw new IllegalArgumentException("'log' must be an absolute path, not '" + log + "'");
      }
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("'timeout' must be longer than 0, e.g. 10s");
      }
    }

    String namespaceOf(String target) {
      return namespaces.getOrDefault(target, namespace);
    }
  }
}
