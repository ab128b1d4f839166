package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher that generated files call: the Debian package's when it names itself. */
class LauncherPathTest {
  @Test
  void theDebianLauncherNamesItself() {
    assertThat(InstallPaths.launcher("/usr/bin/watchdog-menu")).isEqualTo("/usr/bin/watchdog-menu");
  }

  @Test
  void withoutThePropertyItIsTheOneInstallShWrites() {
    assertThat(InstallPaths.launcher(null)).isEqualTo("/usr/local/bin/watchdog-menu");
    assertThat(InstallPaths.BIN).isEqualTo("/usr/local/bin/watchdog-menu");
  }

  @Test
  void anythingButAPlainAbsolutePathIsIgnored() {
    for (String bad :
        new String[] {
          "",
          "watchdog-menu",
          "/usr/bin/watchdog menu",
          "/usr/bin/x;rm",
          "/a/../b",
          "/a/./b",
          "/usr/bin/\nx",
          "/usr/bin/$(x)"
        }) {
      assertThat(InstallPaths.launcher(bad)).as(bad).isEqualTo("/usr/local/bin/watchdog-menu");
    }
  }
}
