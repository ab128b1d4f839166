package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.model.Target;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code contrib/cloudwatch/alarms.yaml} sets the same alarms as the {@code alarms} command: its
 * values are compared with {@link CloudWatchAlarm}, the one definition.
 */
class CloudWatchTemplateTest {
  private static final Path TEMPLATE = Path.of("contrib/cloudwatch/alarms.yaml");
  private static Map<String, Object> template;

  /** CloudFormation's short forms read as their long forms: {@code !Ref X} as {@code {Ref: X}}. */
  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), scalar("Ref"));
      yamlConstructors.put(new Tag("!Sub"), scalar("Fn::Sub"));
    }

    private static AbstractConstruct scalar(String function) {
      return new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          return Map.of(function, ((ScalarNode) node).getValue());
        }
      };
    }
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws Exception {
    template =
        (Map<String, Object>) new Yaml(new CfnConstructor()).load(Files.readString(TEMPLATE));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> resources() {
    return map(template.get("Resources"));
  }

  /** A !Sub string with the template's parameters put in. */
  private static String sub(Object value, String host, String target) {
    return ((String) map(value).get("Fn::Sub"))
        .replace("${HostName}", host)
        .replace("${Target}", target);
  }

  @Test
  void theTemplateHasTheThreeAlarmsOfTheCommandWithTheirExactValues() {
    List<Map<String, Object>> alarms =
        resources().values().stream()
            .map(CloudWatchTemplateTest::map)
            .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
            .map(r -> map(r.get("Properties")))
            .toList();
    assertThat(alarms).hasSize(CloudWatchAlarm.values().length);

    for (CloudWatchAlarm alarm : CloudWatchAlarm.values()) {
      Map<String, Object> p =
          alarms.stream()
              .filter(a -> sub(a.get("AlarmName"), "web1", "web").equals(alarm.name("web1", "web")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no alarm " + alarm.name("HOST", "TARGET")));
      assertThat(sub(p.get("AlarmDescription"), "web1", "web"))
          .isEqualTo(alarm.description("web1", "web"));
      assertThat(p.get("Namespace")).isEqualTo(Map.of("Ref", "Namespace"));
      assertThat(p.get("MetricName")).as(alarm.suffix()).isEqualTo(alarm.metric());
      assertThat(p.get("Dimensions"))
          .isEqualTo(
              List.of(Map.of("Name", CloudWatchAlarm.DIMENSION, "Value", Map.of("Ref", "Target"))));
      assertThat(p.get("Statistic")).as(alarm.suffix()).isEqualTo(alarm.statistic().aws());
      assertThat(p.get("Period")).as(alarm.suffix()).isEqualTo(alarm.periodSeconds());
      assertThat(p.get("EvaluationPeriods"))
          .as(alarm.suffix())
          .isEqualTo(alarm.evaluationPeriods());
      assertThat(p.get("Threshold")).as(alarm.suffix()).isEqualTo(alarm.threshold());
      assertThat(p.get("ComparisonOperator"))
          .as(alarm.suffix())
          .isEqualTo(alarm.comparison().aws());
      assertThat(p.get("TreatMissingData")).as(alarm.suffix()).isEqualTo(alarm.missingData().aws());
      assertThat(p.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", "Topic")));
      assertThat(p.get("OKActions")).isEqualTo(List.of(Map.of("Ref", "Topic")));
      assertThat(p)
          .containsOnlyKeys(
              "AlarmName",
              "AlarmDescription",
              "Namespace",
              "MetricName",
              "Dimensions",
              "Statistic",
              "Period",
              "EvaluationPeriods",
              "Threshold",
              "ComparisonOperator",
              "TreatMissingData",
              "AlarmActions",
              "OKActions");
    }
  }

  @Test
  void theTopicEmailsTheAddressParameter() {
    Map<String, Object> topic = map(resources().get("Topic"));
    assertThat(topic.get("Type")).isEqualTo("AWS::SNS::Topic");
    assertThat(map(topic.get("Properties")).get("Subscription"))
        .isEqualTo(List.of(Map.of("Protocol", "email", "Endpoint", Map.of("Ref", "Email"))));
  }

  @Test
  void theParametersDefaultAndCheckAsTheToolDoes() {
    Map<String, Object> parameters = map(template.get("Parameters"));
    assertThat(parameters).containsOnlyKeys("Namespace", "HostName", "Target", "Email");
    assertThat(map(parameters.get("Namespace")).get("Default"))
        .isEqualTo(MetricsConfig.CloudWatch.NAMESPACE);
    assertThat(map(parameters.get("HostName")).get("AllowedPattern"))
        .isEqualTo(CloudWatchAlarms.HOST);
    assertThat(map(parameters.get("Target")).get("AllowedPattern")).isEqualTo(Target.ID.pattern());
  }
}
