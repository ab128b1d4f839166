package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.HostRoot;

/** One target read on its own is the target the whole catalog gives, compiled or not. */
class OneTargetTest {
  @TempDir Path root;

  private Target alone(String id) {
    return OneTarget.load(new HostRoot(root), id, true).orElseThrow().target();
  }

  @Test
  void everyShippedTargetIsTheCatalogsOwnAndSurvivesItsCompiledForm() throws Exception {
    Catalog catalog = Sites.load(root);
    assertThat(catalog.targets()).isNotEmpty();
    for (Target t : catalog.targets()) {
      assertThat(TargetCodec.decode(TargetCodec.encode(t))).isEqualTo(t);
      assertThat(alone(t.id())).as(t.id()).isEqualTo(t); // read from the menus, then kept
      assertThat(alone(t.id())).as(t.id()).isEqualTo(t); // read back compiled
    }
  }

  @Test
  void aSiteFileExtendingATemplateIsTheCatalogsTarget() {
    Sites.write(
        root,
        "api.yaml",
        """
        id: api
        extends: systemd-service
        service:
          unit: api.service
        probes:
          - type: http
            url: http://127.0.0.1:8080/health
            expect_status: [200, 204]
        """);
    Target expected = Sites.load(root).target("api");
    assertThat(alone("api")).isEqualTo(expected);
    assertThat(root.resolve("var/lib/watchdog-menu/compiled/api")).exists();
    assertThat(alone("api")).isEqualTo(expected);
  }

  @Test
  void nothingWhenTheTargetIsNotPlain() {
    Sites.write(root, "broken.yaml", "id: broken\nprobes: [\n");
    HostRoot host = new HostRoot(root);
    assertThat(OneTarget.load(host, "broken", true)).isEmpty();
    assertThat(OneTarget.load(host, "no-such-target", true)).isEmpty();
    assertThat(OneTarget.load(host, "systemd-service", true)).isEmpty(); // a template
    assertThat(OneTarget.load(host, "Not An Id", true)).isEmpty();
  }

  @Test
  void aDamagedCompiledFormIsReadFromTheSourcesAgain() throws Exception {
    Sites.write(root, "web.yaml", "id: web\nextends: systemd-service\nservice: {unit: web}\n");
    Target expected = Sites.load(root).target("web");
    assertThat(alone("web")).isEqualTo(expected);
    Path compiled = root.resolve("var/lib/watchdog-menu/compiled/web");
    byte[] bytes = Files.readAllBytes(compiled);
    bytes[bytes.length - 3] ^= 0x55;
    Files.write(compiled, bytes);
    assertThat(alone("web")).isEqualTo(expected);
  }

  @Test
  void knownIdsAreTheCatalogs() {
    Sites.write(root, "web.yaml", "id: web\nextends: systemd-service\nservice: {unit: web}\n");
    Sites.write(root, "broken.yaml", "id: broken\nprobes: [\n");
    Catalog catalog = Sites.load(root);
    OneTarget one = OneTarget.load(new HostRoot(root), "web", false).orElseThrow();
    for (String id : catalog.knownIds()) {
      assertThat(one.isKnown(id)).as(id).isTrue();
    }
    assertThat(one.isKnown("gone")).isFalse();
  }
}
