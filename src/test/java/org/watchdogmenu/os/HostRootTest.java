package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostRootTest {
  private final HostRoot root = new HostRoot(Path.of("/tmp/sandbox"));

  @Test
  void resolvesAnAbsoluteHostPathUnderTheRoot() {
    assertThat(root.resolve("/etc/cron.d/paqet-health-server"))
        .isEqualTo(Path.of("/tmp/sandbox/etc/cron.d/paqet-health-server"));
  }

  @Test
  void slashIsTheRootItself() {
    assertThat(root.resolve("/")).isEqualTo(Path.of("/tmp/sandbox"));
  }

  @Test
  void harmlessDotsAndSlashesAreNormalised() {
    assertThat(root.resolve("/etc/./watchdog-menu//targets/"))
        .isEqualTo(Path.of("/tmp/sandbox/etc/watchdog-menu/targets"));
  }

  @Test
  void systemRootResolvesToTheHostPathItself() {
    assertThat(HostRoot.SYSTEM.resolve("/var/log/x.log")).isEqualTo(Path.of("/var/log/x.log"));
    assertThat(HostRoot.SYSTEM.isSystem()).isTrue();
    assertThat(root.isSystem()).isFalse();
  }

  @Test
  void relativeRootIsMadeAbsolute() {
    HostRoot relative = new HostRoot(Path.of("sandbox/../box"));

    assertThat(relative.dir()).isAbsolute();
    assertThat(relative.dir()).isEqualTo(Path.of("box").toAbsolutePath());
  }

  @Test
  void rejectsARelativePath() {
    assertThatThrownBy(() -> root.resolve("etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'etc/passwd' is not an absolute path");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> root.resolve(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsDotDotAnywhere() {
    assertThatThrownBy(() -> root.resolve("/../etc/shadow"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("climbs with '..'");
    assertThatThrownBy(() -> root.resolve("/var/lib/../../etc/shadow"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> root.resolve("/var/..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dotsInsideANameAreFine() {
    assertThat(root.resolve("/var/tmp/a..b")).isEqualTo(Path.of("/tmp/sandbox/var/tmp/a..b"));
  }
}
