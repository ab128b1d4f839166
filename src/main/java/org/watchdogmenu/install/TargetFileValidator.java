package org.watchdogmenu.install;

import java.util.List;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.os.HostRoot;

/**
 * A site target file, read back the way every run reads it: by the catalog, together with the menus
 * and the other site files as they are now. It must be 0644 root and named after its id.
 */
final class TargetFileValidator implements Validator {
  private final HostRoot root;

  TargetFileValidator(HostRoot root) {
    this.root = root;
  }

  @Override
  public List<String> check(FileWrite file) {
    if (!"0644".equals(file.mode()) || !"root".equals(file.owner())) {
      return List.of(file.path() + ": must be mode 0644 owned by root");
    }
    String prefix = Catalog.SITE_DIR + "/";
    String name = file.path().startsWith(prefix) ? file.path().substring(prefix.length()) : "";
    if (!name.endsWith(".yaml") || name.contains("/")) {
      return List.of(file.path() + ": a target file is " + prefix + "<id>.yaml");
    }
    try {
      Catalog.load(root).checkSiteFile(name.substring(0, name.length() - 5), file.text());
      return List.of();
    } catch (CatalogException e) {
      return List.of(e.getMessage());
    }
  }
}
