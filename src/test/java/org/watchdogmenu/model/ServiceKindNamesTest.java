package org.watchdogmenu.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service records, the names they are read by and {@link ServiceKind} say the same: one record
 * per kind, in the kinds' order, each answering {@code kind()} and {@code match} for its own.
 */
class ServiceKindNamesTest {
  private static final List<ServiceSpec> ONE_OF_EACH =
      List.of(
          new SystemdService("web.service"),
          new SystemdUserService("web.service", "www"),
          new Pm2Service("api", "ubuntu"),
          new DockerService("kms"),
          new CommandService(List.of("/opt/web/restart.sh"), null));

  private static final ServiceSpec.Cases<String> NAMES =
      new ServiceSpec.Cases<>() {
        @Override
        public String systemd(SystemdService s) {
          return "systemd";
        }

        @Override
        public String systemdUser(SystemdUserService s) {
          return "systemd-user";
        }

        @Override
        public String pm2(Pm2Service s) {
          return "pm2";
        }

        @Override
        public String docker(DockerService s) {
          return "docker";
        }

        @Override
        public String command(CommandService s) {
          return "command";
        }
      };

  @Test
  void theNamesInFilesAreTheKindsKeysInOrder() {
    JsonSubTypes.Type[] types = ServiceSpec.class.getAnnotation(JsonSubTypes.class).value();
    assertThat(Arrays.stream(types).map(JsonSubTypes.Type::name))
        .containsExactlyElementsOf(
            Arrays.stream(ServiceKind.values()).map(ServiceKind::key).toList());
    assertThat(Arrays.stream(types).map(JsonSubTypes.Type::value))
        .containsExactly(ServiceSpec.class.getPermittedSubclasses());
  }

  @Test
  void eachRecordAnswersForItsOwnKind() {
    assertThat(ONE_OF_EACH).extracting(ServiceSpec::kind).containsExactly(ServiceKind.values());
    assertThat(ONE_OF_EACH)
        .extracting(s -> s.match(NAMES))
        .containsExactlyElementsOf(ONE_OF_EACH.stream().map(s -> s.kind().key()).toList());
  }

  @Test
  void onlyTheKindsWithAnAccountHaveOne() {
    assertThat(ONE_OF_EACH)
        .extracting(ServiceSpec::account)
        .containsExactly(
            java.util.Optional.empty(),
            java.util.Optional.of("www"),
            java.util.Optional.of("ubuntu"),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    assertThat(new CommandService(List.of("/x"), "").account()).isEmpty();
    assertThat(ONE_OF_EACH)
        .extracting(s -> s.systemdUnit().orElse(null))
        .containsExactly("web.service", "web.service", null, null, null);
  }

  @Test
  void theServiceIsDescribedAsBefore() {
    assertThat(ONE_OF_EACH)
        .extracting(ServiceSpec::describe)
        .containsExactly(
            "systemd web.service",
            "systemd user unit web.service of www",
            "pm2 app api of ubuntu",
            "docker container kms",
            "command /opt/web/restart.sh");
  }
}
