package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.UnsafePathException;

/**
 * Makes site target files from settings ({@code KEY=VALUE}): the changed values of a target, or a
 * new target of the operator's own. The file of a shipped target holds only what the operator
 * changed; an existing file keeps its other keys, and its comments where the change can be made in
 * place. Every file is read back by the catalog, with the other files, before it is handed out: a
 * bad value ends here as one line, and nothing reaches a plan.
 */
public final class TargetFiles {
  private final Catalog catalog;

  /**
   * @param catalog the targets as they are now (fresh: the files are read from its root)
   */
  public TargetFiles(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The site file of an existing target with these values set.
   *
   * @throws CatalogException one line: an unknown target, a bad key, a value the catalog refuses
   */
  public TargetFile set(String id, List<Setting> settings) {
    String path = Catalog.siteFile(id);
    if (settings.isEmpty()) {
      throw new CatalogException(
          "nothing to set: give KEY=VALUE, e.g. policy.cooldown=60s or probes[1].port=8081");
    }
    Optional<String> old = read(path);
    if (old.isEmpty() && !catalog.sources().targets().containsKey(id)) {
      catalog.target(id); // throws what is wrong: an unknown target, a template
    }
    SourceTree before = old.map(text -> YamlSource.read(text, path)).orElse(null);
    ObjectNode site = before == null ? idOnly(id) : before.tree().deepCopy();
    settings = withProbeNames(id, settings);
    SiteEdit edit = edit(id, site, settings);
    List<String> notes = new ArrayList<>(copiedNotes(id, edit));
    String text;
    if (before == null) {
      text = YamlWriter.header(id) + YamlWriter.document(site);
    } else {
      Optional<String> patched = YamlPatch.apply(old.get(), before, site);
      text = patched.orElseGet(() -> YamlWriter.header(id) + YamlWriter.document(site));
      if (patched.isEmpty() && lostComments(old.get(), text)) {
        notes.add(
            "the comments in "
                + path
                + " are not kept: the change cannot be made in place, so the file is written anew"
                + " from its values");
      }
    }
    catalog.checkSiteFile(id, text);
    return new TargetFile(id, "set", settings, text, notes);
  }

  /**
   * A new target of the operator's own, e.g. {@code extends=systemd-service
   * service.unit=web.service}.
   *
   * @throws CatalogException one line: the id is taken or not a target name, a bad key or value
   */
  public TargetFile add(String id, List<Setting> settings) {
    String problem = idProblem(id);
    if (problem != null) {
      throw new CatalogException(problem);
    }
    ObjectNode site = idOnly(id);
    SiteEdit edit = edit(id, site, settings);
    String text = YamlWriter.header(id) + YamlWriter.document(site);
    catalog.checkSiteFile(id, text);
    return new TargetFile(id, "add", settings, text, copiedNotes(id, edit));
  }

  /**
   * The text of a site file that holds exactly these keys (a desired state's whole file, without
   * {@code id}, which is written first) under {@code header} (comment lines); not yet read back.
   */
  public static String wholeText(String id, ObjectNode keys, String header) {
    Catalog.siteFile(id);
    ObjectNode site = idOnly(id);
    keys.fields().forEachRemaining(e -> site.set(e.getKey(), e.getValue().deepCopy()));
    return header + YamlWriter.document(site);
  }

  /**
   * {@link #wholeText} read back with the catalog's other files.
   *
   * @throws CatalogException one line naming the file, its line and key
   */
  public TargetFile whole(String id, ObjectNode keys, String header) {
    String text = wholeText(id, keys, header);
    catalog.checkSiteFile(id, text);
    return new TargetFile(id, "set", List.of(), text, List.of());
  }

  /**
   * How many items a new file that extends the template inherits in the list at key, e.g. the
   * probes of {@code pm2-app}; the items a file adds come after them.
   */
  public int inheritedItems(String template, String key) {
    SourceTree t = catalog.sources().templates().get(template);
    return t == null ? 0 : t.tree().path(key).size();
  }

  /** Why {@code id} cannot name a new target (not a target name, or taken), or null. */
  public String idProblem(String id) {
    if (!Target.isValidId(id)) {
      return SiteTarget.badId(id);
    }
    if (catalog.sources().templates().containsKey(id)) {
      return "'" + id + "' is a template of the catalog: pick another id";
    }
    if (catalog.sources().targets().containsKey(id)
        || catalog.hasSiteFile(id)
        || read(Catalog.siteFile(id)).isPresent()) {
      return "'"
          + id
          + "' is already a target: pick another id, or change it with 'watchdog-menu target set "
          + id
          + " KEY=VALUE'";
    }
    return null;
  }

  /**
   * The settings plus the new names of probes whose names hold a port or host that the settings
   * change ({@link ProbeNames}); the settings alone when the target does not load now.
   */
  private List<Setting> withProbeNames(String id, List<Setting> settings) {
    Target now;
    try {
      now = catalog.target(id);
    } catch (CatalogException e) {
      return settings;
    }
    List<Setting> names = ProbeNames.following(now, settings);
    if (names.isEmpty()) {
      return settings;
    }
    List<Setting> all = new ArrayList<>(settings);
    all.addAll(names);
    return all;
  }

  private SiteEdit edit(String id, ObjectNode site, List<Setting> settings) {
    SiteEdit edit = new SiteEdit(id, site, catalog.sources());
    settings.forEach(edit::apply);
    return edit;
  }

  private static List<String> copiedNotes(String id, SiteEdit edit) {
    return edit.copied().stream()
        .map(
            key ->
                "'"
                    + key
                    + "' is written whole: a list in a site file replaces the inherited one, so"
                    + " the file of "
                    + id
                    + " repeats every item")
        .toList();
  }

  private static ObjectNode idOnly(String id) {
    return JsonNodeFactory.instance.objectNode().put("id", id);
  }

  private static boolean lostComments(String before, String after) {
    List<String> kept = after.lines().map(String::strip).toList();
    return before.lines().map(String::strip).anyMatch(l -> l.startsWith("#") && !kept.contains(l));
  }

  /**
   * The text of a site file, read as every run reads it: a file root cannot trust is refused (a
   * change would otherwise copy what another account wrote into a file root trusts).
   */
  private Optional<String> read(String hostPath) {
    Path file = catalog.root().resolve(hostPath);
    try {
      return Optional.of(CatalogLoader.read(file, hostPath));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (UnsafePathException e) {
      throw new CatalogException(e.getMessage());
    } catch (IOException e) {
      throw new CatalogException(hostPath + " line 1: cannot be read: " + e.getMessage());
    }
  }
}
