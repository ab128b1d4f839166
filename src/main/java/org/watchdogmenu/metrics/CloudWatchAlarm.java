package org.watchdogmenu.metrics;

/**
 * The three alarms of the PM2 health-monitor guide, on the metrics {@link CloudWatchDatum}
 * publishes with the dimension {@value #DIMENSION}. One definition for the {@code alarms} command
 * and for {@code contrib/cloudwatch/alarms.yaml} (a test holds the template to these values).
 */
public enum CloudWatchAlarm {
  /**
   * ServiceStatus below 1 for 10 minutes: no healthy check in two 5-minute periods (Maximum). A
   * period with no check at all counts as down: nothing is checking the service (the host, the
   * monitor or cron stopped), and nothing restarts it either.
   */
  SERVICE_DOWN(
      "service-down",
      "ServiceStatus",
      Statistic.MAXIMUM,
      300,
      2,
      1,
      Comparison.LESS_THAN,
      MissingData.BREACHING,
      "ServiceStatus below 1 for 10 minutes"),
  /**
   * More than 3 failed checks in 5 minutes (Sum of HealthCheckFailures). No data means no check
   * failed.
   */
  FAILED_CHECKS(
      "failed-checks",
      "HealthCheckFailures",
      Statistic.SUM,
      300,
      1,
      3,
      Comparison.GREATER_THAN,
      MissingData.NOT_BREACHING,
      "more than 3 failed checks in 5 minutes"),
  /**
   * More than 2 restarts in 15 minutes (Sum of ServiceRestarts, sent only when a restart ran). No
   * data means no restart.
   */
  FREQUENT_RESTARTS(
      "frequent-restarts",
      "ServiceRestarts",
      Statistic.SUM,
      900,
      1,
      2,
      Comparison.GREATER_THAN,
      MissingData.NOT_BREACHING,
      "more than 2 restarts in 15 minutes");

  /** The one dimension every published value carries: the target's id. */
  public static final String DIMENSION = "Target";

  /** The SNS topic the command creates when none is given. */
  public static final String TOPIC = "watchdog-menu-alarms";

  /** The CloudWatch statistic an alarm evaluates. */
  public enum Statistic {
    MAXIMUM("Maximum"),
    SUM("Sum");

    private final String aws;

    Statistic(String aws) {
      this.aws = aws;
    }

    public String aws() {
      return aws;
    }
  }

  /** How the statistic is compared with the threshold. */
  public enum Comparison {
    LESS_THAN("LessThanThreshold"),
    GREATER_THAN("GreaterThanThreshold");

    private final String aws;

    Comparison(String aws) {
      this.aws = aws;
    }

    public String aws() {
      return aws;
    }
  }

  /** What a period without any value counts as ({@code --treat-missing-data}). */
  public enum MissingData {
    BREACHING("breaching"),
    NOT_BREACHING("notBreaching");

    private final String aws;

    MissingData(String aws) {
      this.aws = aws;
    }

    public String aws() {
      return aws;
    }
  }

  private final String suffix;
  private final String metric;
  private final Statistic statistic;
  private final int periodSeconds;
  private final int evaluationPeriods;
  private final int threshold;
  private final Comparison comparison;
  private final MissingData missingData;
  private final String condition;

  CloudWatchAlarm(
      String suffix,
      String metric,
      Statistic statistic,
      int periodSeconds,
      int evaluationPeriods,
      int threshold,
      Comparison comparison,
      MissingData missingData,
      String condition) {
    this.suffix = suffix;
    this.metric = metric;
    this.statistic = statistic;
    this.periodSeconds = periodSeconds;
    this.evaluationPeriods = evaluationPeriods;
    this.threshold = threshold;
    this.comparison = comparison;
    this.missingData = missingData;
    this.condition = condition;
  }

  /** The last part of the alarm's name, e.g. {@code service-down}. */
  public String suffix() {
    return suffix;
  }

  public String metric() {
    return metric;
  }

  public Statistic statistic() {
    return statistic;
  }

  public int periodSeconds() {
    return periodSeconds;
  }

  public int evaluationPeriods() {
    return evaluationPeriods;
  }

  public int threshold() {
    return threshold;
  }

  public Comparison comparison() {
    return comparison;
  }

  public MissingData missingData() {
    return missingData;
  }

  /** The condition in words, e.g. {@code more than 2 restarts in 15 minutes}. */
  public String condition() {
    return condition;
  }

  /**
   * The alarm's name, stable so that setting it again replaces it: {@code
   * watchdog-menu-HOST-TARGET-SUFFIX}.
   */
  public String name(String host, String target) {
    return "watchdog-menu-" + host + "-" + target + "-" + suffix;
  }

  /** The alarm's description, as AWS shows it in the notification. */
  public String description(String host, String target) {
    return "watchdog-menu on " + host + ", target " + target + ": " + condition;
  }
}
