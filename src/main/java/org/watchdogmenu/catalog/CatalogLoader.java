package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ControlChars;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.UnsafePathException;
import org.watchdogmenu.os.YamlFile;

/**
 * Builds a {@link Catalog}: reads the menus, then the site folder, and collects one problem per
 * broken file instead of stopping. A candidate site file, not yet written, can be read in place of
 * (or beside) the files on disk.
 *
 * <p>Site files decide what root runs, so each is read on its own with {@link SafeRead#owned}: a
 * file that is not root's (or is writable by group or others, or lies in a folder another account
 * can change), a link, a FIFO, a device or a file over {@link SafeRead#CONFIG_CAP} is refused in
 * one line, like a broken file, without being opened or parsed, and the other files load as before.
 */
final class CatalogLoader {
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> broken = new HashMap<>();
  private final Map<String, SourceTree> catalogTrees = new LinkedHashMap<>();
  private final Map<String, SourceTree> templates = new LinkedHashMap<>();
  private final Map<String, Target> catalogTargets = new LinkedHashMap<>();
  private final Map<String, Target> siteTargets = new TreeMap<>();
  private final Map<String, SourceMap> lines = new HashMap<>();
  private final TreeSet<String> siteIds = new TreeSet<>();

  /** Site files read instead of those on disk, by host path; empty: read as if it were gone. */
  private Map<String, Optional<String>> candidates = Map.of();

  private HostRoot root;
  private String only;

  /**
   * Reads only what defines one target: every menu (as trees; only that id's entry is built) and
   * that target's own site file's text, read by the caller (none: it has no site file), without
   * listing the site folder or reading other site files (except those its {@code extends} chain
   * names, for a cycle's message). Rules that span targets (two targets sharing a state file) are
   * not applied: they are checked when a site file is written ({@link Catalog#checkSiteFile}) and
   * by {@code doctor}, which load everything.
   *
   * @return the target, or empty when anything about it (or a menu) is not plain: the caller then
   *     loads the whole catalog, which gives the one-line problem
   */
  Optional<Target> loadOnly(
      HostRoot root, List<NamedText> menuFiles, String id, Optional<String> siteText) {
    if (!Target.isValidId(id)) {
      return Optional.empty();
    }
    this.only = id;
    this.root = root;
    menus(menuFiles);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    String hostPath = Catalog.SITE_DIR + "/" + id + ".yaml";
    if (siteText.isPresent()) {
      candidates = Map.of(hostPath, Optional.of(siteText.get()));
      siteFile(root.resolve(hostPath));
    }
    if (!problems.isEmpty() || broken.containsKey(id)) {
      return Optional.empty();
    }
    Target t = siteTargets.containsKey(id) ? siteTargets.get(id) : catalogTargets.get(id);
    return Optional.ofNullable(t);
  }

  /** The ids of the menus' targets read by {@link #loadOnly} (built or not). */
  Set<String> menuTargetIds() {
    return java.util.Set.copyOf(catalogTrees.keySet());
  }

  /**
   * @param candidates site files read instead of those on disk of the same name (by host path, e.g.
   *     {@code /etc/watchdog-menu/targets/web.yaml}); an empty text reads as if the file were gone
   */
  Catalog load(HostRoot root, List<NamedText> menuFiles, Map<String, Optional<String>> candidates) {
    this.candidates = Map.copyOf(candidates);
    List<CatalogSystem> systems = menus(menuFiles);
    site(root);
    sharedStateFiles();
    List<Target> targets = new ArrayList<>(catalogTargets.values());
    targets.addAll(siteTargets.values());
    return new Catalog(
        root,
        menuFiles,
        new Catalog.Sources(catalogTrees, templates),
        systems,
        targets,
        broken,
        siteIds,
        problems);
  }

  private List<CatalogSystem> menus(List<NamedText> files) {
    List<Menu> menus = new ArrayList<>();
    for (NamedText file : files) {
      try {
        menus.add(MenuReader.read(file));
      } catch (CatalogException e) {
        problems.add(new Problem(file.name(), e.getMessage()));
      }
    }
    menus.sort(
        Comparator.comparingInt((Menu m) -> m.system().order())
            .thenComparing(m -> m.system().id()));
    for (Menu menu : menus) {
      for (SourceTree t : menu.templates()) {
        if (isNew(t)) {
          if (only == null) {
            build(t, () -> TargetBuilder.template(t));
          }
          templates.put(id(t), t);
        }
      }
      for (SourceTree t : menu.targets()) {
        if (isNew(t)) {
          catalogTrees.put(id(t), t);
          lines.put(id(t), t.lines());
          if (only == null || only.equals(id(t))) {
            build(t, () -> catalogTargets.put(id(t), TargetBuilder.concrete(t)));
          }
        }
      }
    }
    return menus.stream().map(Menu::system).toList();
  }

  private boolean isNew(SourceTree t) {
    if (!catalogTrees.containsKey(id(t)) && !templates.containsKey(id(t))) {
      return true;
    }
    String message =
        CatalogException.at(
                t.lines().at("id"),
                "'id' is '" + id(t) + "', which another catalog entry already uses: rename one")
            .getMessage();
    problems.add(new Problem(t.lines().primaryFile(), message));
    return false;
  }

  /** Runs a catalog build step; a broken menu entry becomes a problem and breaks only its id. */
  private void build(SourceTree t, Runnable step) {
    try {
      step.run();
    } catch (CatalogException e) {
      problems.add(new Problem(t.lines().primaryFile(), e.getMessage()));
      broken.put(id(t), e.getMessage());
    }
  }

  private void site(HostRoot root) {
    this.root = root;
    Path dir = root.resolve(Catalog.SITE_DIR);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
        stream.forEach(files::add);
      } catch (IOException e) {
        problems.add(new Problem(Catalog.SITE_DIR, Catalog.SITE_DIR + ": cannot be read: " + e));
        return;
      }
    }
    for (Map.Entry<String, Optional<String>> c : candidates.entrySet()) {
      Path file = root.resolve(c.getKey());
      if (c.getValue().isEmpty()) {
        files.remove(file);
      } else if (!files.contains(file)) {
        files.add(file);
      }
    }
    files.sort(Comparator.naturalOrder());
    for (Path file : files) {
      siteFile(file);
    }
  }

  private void siteFile(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".yml")) {
      String hostPath = Catalog.SITE_DIR + "/" + name;
      problems.add(
          new Problem(
              hostPath,
              hostPath + " line 1: is not read: name it " + name.replace(".yml", ".yaml")));
      return;
    }
    String fileId = name.substring(0, name.length() - ".yaml".length());
    String hostPath = Catalog.SITE_DIR + "/" + name;
    try {
      if (!Target.isValidId(fileId)) {
        throw CatalogException.at(
            new Location(hostPath, 1),
            "the file name '"
                + fileId
                + "' is not a target name: use lower-case letters, digits and dashes");
      }
      siteIds.add(fileId);
      String text =
          candidates.containsKey(hostPath)
              ? candidates.get(hostPath).orElseThrow()
              : read(file, hostPath);
      extendsCycle(fileId, hostPath, text);
      SourceTree merged =
          SiteTarget.merged(new NamedText(hostPath, text), fileId, catalogTrees, templates);
      Target target = TargetBuilder.concrete(merged);
      if (catalogTargets.containsKey(fileId)) {
        catalogTargets.put(fileId, target);
      } else {
        siteTargets.put(fileId, target);
      }
      lines.put(fileId, merged.lines());
      broken.remove(fileId);
    } catch (CatalogException e) {
      fail(hostPath, fileId, e.getMessage());
    } catch (UnsafePathException e) {
      fail(hostPath, fileId, new CatalogException(e.getMessage()).getMessage());
    } catch (IOException e) {
      fail(hostPath, fileId, hostPath + " line 1: cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      // one file never stops the others: whatever it does to the reader stays its own problem
      fail(
          hostPath,
          fileId,
          new CatalogException(hostPath + " line 1: cannot be read: " + e.getMessage())
              .getMessage());
    }
  }

  /**
   * A site file's text, read only when root can trust it (see the class comment).
   *
   * @param hostPath the file as the operator knows it, for messages
   * @throws UnsafePathException the one-line refusal naming the file, the reason and the fix
   * @throws CatalogException when the file is not UTF-8 text
   */
  static String read(Path file, String hostPath) throws IOException {
    if (Files.isSymbolicLink(file)) {
      throw CatalogException.at(new Location(hostPath, 1), linkReason(file));
    }
    byte[] bytes = SafeRead.owned(file, SafeRead.CONFIG_CAP, "target file");
    return YamlFile.utf8(bytes)
        .orElseThrow(
            () ->
                CatalogException.at(
                    new Location(hostPath, 1), "is not UTF-8 text: save it as UTF-8"));
  }

  /** Why a link in the targets folder is refused, naming where it leads. */
  private static String linkReason(Path file) {
    String to;
    try {
      to = Files.readSymbolicLink(file).toString();
    } catch (IOException e) {
      to = "?";
    }
    String dest = ControlChars.escape(to);
    return (Files.exists(file)
            ? "is a link to " + dest
            : "is a link to " + dest + ", which does not exist")
        + ": target files are read only as regular files, never through a link: put the file"
        + " itself there";
  }

  /**
   * A site file that extends another site file, which extends ... back to the first: named as the
   * cycle it is ({@code extends cycle: a -> b -> a}) rather than as an unknown template.
   */
  private void extendsCycle(String fileId, String hostPath, String text) {
    List<String> chain = new ArrayList<>(List.of(fileId));
    SourceTree first = YamlSource.read(text, hostPath);
    String next = extendsOf(first);
    while (next != null
        && !templates.containsKey(next)
        && !catalogTrees.containsKey(next)
        && Target.isValidId(next)) {
      if (chain.contains(next)) {
        chain.add(next);
        throw CatalogException.at(
            first.lines().at("extends"),
            "extends cycle: "
                + String.join(" -> ", chain)
                + ": make one of them extend a catalog template or target");
      }
      chain.add(next);
      String otherPath = Catalog.SITE_DIR + "/" + next + ".yaml";
      try {
        String otherText =
            candidates.containsKey(otherPath)
                ? candidates.get(otherPath).orElseThrow()
                : read(root.resolve(otherPath), otherPath);
        next = extendsOf(YamlSource.read(otherText, otherPath));
      } catch (IOException | RuntimeException e) {
        return; // not a readable site file: its own problem, and the usual message here
      }
    }
  }

  private static String extendsOf(SourceTree t) {
    JsonNode ext = t.tree().get("extends");
    return ext != null && ext.isTextual() ? ext.asText() : null;
  }

  private void fail(String hostPath, String fileId, String message) {
    problems.add(new Problem(hostPath, message));
    catalogTargets.remove(fileId);
    broken.put(fileId, message);
  }

  /** Two targets writing one state file would share a restart history: the later one is broken. */
  private void sharedStateFiles() {
    Map<String, String> owners = new HashMap<>();
    List<Target> all = new ArrayList<>(catalogTargets.values());
    all.addAll(siteTargets.values());
    for (Target t : all) {
      String owner = owners.putIfAbsent(t.paths().state(), t.id());
      if (owner != null) {
        SourceMap where = lines.get(t.id());
        fail(
            where.primaryFile(),
            t.id(),
            CatalogException.at(
                    where.at("paths.state"),
                    "'paths.state' is also the state file of '"
                        + owner
                        + "': give each target its own")
                .getMessage());
        siteTargets.remove(t.id());
      }
    }
  }

  private static String id(SourceTree t) {
    return t.tree().path("id").asText();
  }
}
