package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetLookupTest {
  @TempDir Path root;

  @ParameterizedTest
  @ValueSource(strings = {"a;b", "../x", "a b", "a\nb", "Paqet-Server", "", "-web", "a/b"})
  void badIdsAreNotTargetNames(String id) {
    Catalog catalog = Sites.load(root);

    assertThatThrownBy(() -> catalog.target(id))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "'"
                + id.replace("\n", "\\n")
                + "' is not a target name: use lower-case letters, digits and dashes");
  }

  @Test
  void theMessageIsAlwaysOneLine() {
    assertThatThrownBy(() -> Sites.load(root).target("a\nb"))
        .hasMessageNotContaining("\n")
        .hasMessageStartingWith("'a\\nb'");
  }

  @Test
  void anUnknownTargetSaysHowToListThem() {
    assertThatThrownBy(() -> Sites.load(root).target("xyz"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("unknown target 'xyz': run 'watchdog-menu list' to see the targets");
  }

  @Test
  void aTemplateIsNotATarget() {
    assertThatThrownBy(() -> Sites.load(root).target("pm2-app"))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "'pm2-app' is a template, not a target: write /etc/watchdog-menu/targets/NAME.yaml"
                + " with 'extends: pm2-app'");
  }

  @Test
  void aBrokenFileIsReportedForItsTargetOnly() {
    Sites.write(root, "web.yaml", "id: web\nservice: {kind: pm2}\n");

    Catalog catalog = Sites.load(root);

    assertThatThrownBy(() -> catalog.target("web"))
        .hasMessage(
            "/etc/watchdog-menu/targets/web.yaml line 2: 'service.app' is missing: a pm2 service"
                + " needs the app name");
    assertThat(catalog.hasSiteFile("web")).isTrue();
    assertThat(catalog.target("camera-platform").id()).isEqualTo("camera-platform");
  }

  @Test
  void theSiteFileOfATargetIsItsIdDotYaml() {
    assertThat(Catalog.siteFile("pm2-codebox"))
        .isEqualTo("/etc/watchdog-menu/targets/pm2-codebox.yaml");
    assertThatThrownBy(() -> Catalog.siteFile("../etc/passwd"))
        .hasMessage(
            "'../etc/passwd' is not a target name: use lower-case letters, digits and dashes");
  }
}
