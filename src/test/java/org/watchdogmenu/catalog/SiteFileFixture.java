package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;

/**
 * A site folder with one good target beside the file under test, and the one problem a refused file
 * gives: what the site file trust tests (fast and real) start from.
 */
abstract class SiteFileFixture {
  static final int NOBODY = 65534;
  static final String GOOD = "id: good\nservice: {kind: command, restart: [\"/bin/true\"]}\n";

  @TempDir Path root;
  Path dir;

  @BeforeEach
  void setUp() throws Exception {
    Sites.write(root, "good.yaml", GOOD);
    dir = new HostRoot(root).resolve(Catalog.SITE_DIR);
  }

  Path bad(String id) {
    return Sites.write(
        root, id + ".yaml", "id: " + id + "\nservice: {kind: command, restart: [\"/bin/true\"]}\n");
  }

  /** The one problem of the catalog, after checking that the good target still loads. */
  String onlyProblem(String id) {
    Catalog catalog = Sites.load(root);
    assertThat(catalog.target("good").id()).isEqualTo("good");
    assertThat(catalog.problems()).hasSize(1);
    Problem p = catalog.problems().get(0);
    assertThat(p.file()).isEqualTo(Catalog.SITE_DIR + "/" + id + ".yaml");
    assertThat(p.message()).doesNotContain("\n").doesNotContain("Exception");
    assertThatThrownBy(() -> catalog.target(id))
        .isInstanceOf(CatalogException.class)
        .hasMessage(p.message());
    assertThat(catalog.hasSiteFile(id)).isTrue();
    return p.message();
  }
}
