package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * Every rendered file of {@link GoldenFilesTest} passes the real validator for its kind (cron
 * rules, visudo, systemd-analyze, logrotate).
 */
class GoldenFilesIT {
  private static final Validators VALIDATORS = new Validators(Host.system(HostRoot.SYSTEM));

  static Stream<Arguments> files() {
    return GoldenFilesTest.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void renderedFilePassesItsValidator(String name, Supplier<FileWrite> render) {
    assertThat(VALIDATORS.check(render.get())).as(name).isEmpty();
  }
}
