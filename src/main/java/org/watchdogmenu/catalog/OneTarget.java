package org.watchdogmenu.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.YamlFile;

/**
 * One target read on its own, for the runs cron starts ({@code check}, {@code restart}): the menus
 * and that target's site file, whatever else the site folder holds, so a run costs the same with
 * one site file or five hundred, and a broken unrelated file never stands in its way. It is the
 * target {@link Catalog#load} would give for the id; when anything about it is not plain (its file
 * is broken or refused, an unknown id, a template) there is none, and the caller loads the whole
 * {@link Catalog} for the one-line problem.
 *
 * <p>A target that loaded is kept compiled in {@value #DIR}{@code /<id>} (root's, 0600, read with
 * {@link SafeRead#owned}): its bytes ({@link TargetCodec}) with the exact bytes of the site file it
 * came from and the stamp of the program that made it. The next run reads the site file as always
 * (same trust rules), and when its bytes and the program are the same it takes the compiled target
 * instead of parsing YAML; anything else reads the sources again.
 */
public final class OneTarget {
  /** Where compiled targets are kept (under the root). */
  public static final String DIR = "/var/lib/watchdog-menu/compiled";

  private static final int MAGIC = 0x57444d32; // "WDM2": one record per service kind
  private static final int CAP = 4 * 1024 * 1024;

  private final HostRoot root;
  private final Target target;
  private final List<String> menuIds;
  private volatile Set<String> knownIds;

  private OneTarget(HostRoot root, Target target, List<String> menuIds) {
    this.root = root;
    this.target = target;
    this.menuIds = menuIds;
  }

  /**
   * The target with this id under root, when it loads cleanly; else empty (see the class).
   *
   * @param keep whether a newly compiled target may be kept for the next run (not on a dry run)
   */
  public static Optional<OneTarget> load(HostRoot root, String id, boolean keep) {
    if (!Target.isValidId(id)) {
      return Optional.empty();
    }
    try {
      Optional<byte[]> siteBytes = siteBytes(root, id);
      String stamp = stamp();
      Optional<OneTarget> compiled = compiled(root, id, stamp, siteBytes.orElse(null));
      if (compiled.isPresent()) {
        return compiled;
      }
      Optional<String> text = Optional.empty();
      if (siteBytes.isPresent()) {
        text = YamlFile.utf8(siteBytes.get());
        if (text.isEmpty()) {
          return Optional.empty();
        }
      }
      CatalogLoader loader = new CatalogLoader();
      Optional<Target> target = loader.loadOnly(root, MenuFiles.fromClassPath(), id, text);
      if (target.isEmpty()) {
        return Optional.empty();
      }
      List<String> menuIds = List.copyOf(loader.menuTargetIds());
      if (keep) {
        keep(root, id, stamp, siteBytes.orElse(null), target.get(), menuIds);
      }
      return Optional.of(new OneTarget(root, target.get(), menuIds));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the whole catalog names what is wrong
    }
  }

  /**
   * The target with this id under root when its compiled form is current (made by this program from
   * the site file as it is now); else empty. It never reads YAML: a long-running process that asks
   * only this keeps the catalog's parsers out of its memory.
   */
  public static Optional<OneTarget> compiled(HostRoot root, String id) {
    if (!Target.isValidId(id)) {
      return Optional.empty();
    }
    try {
      Optional<byte[]> siteBytes = siteBytes(root, id);
      return compiled(root, id, stamp(), siteBytes.orElse(null));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The bytes of the target's site file, read with the trust rules of every site file; empty when
   * there is none.
   *
   * @throws IOException when it cannot be read or is refused, or is a link (not plain: the whole
   *     catalog says why)
   */
  private static Optional<byte[]> siteBytes(HostRoot root, String id) throws IOException {
    Path site = root.resolve(Catalog.SITE_DIR + "/" + id + ".yaml");
    if (!Files.exists(site, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (Files.isSymbolicLink(site)) {
      throw new IOException(site + ": a link");
    }
    return Optional.of(SafeRead.owned(site, SafeRead.CONFIG_CAP, "target file"));
  }

  /**
   * Keeps the compiled form of each of these targets that loads cleanly, reading the menus and the
   * site folder once for all of them (what {@link #load} would keep for each, at the cost of one
   * catalog). A target is compiled from exactly the bytes of its site file that are kept with it.
   *
   * @return the ids compiled
   */
  public static List<String> compile(HostRoot root, List<String> ids) {
    List<String> done = new ArrayList<>();
    try {
      String stamp = stamp();
      Map<String, Optional<byte[]>> bytes = new LinkedHashMap<>();
      Map<String, Optional<String>> texts = new LinkedHashMap<>();
      for (String id : ids) {
        if (!Target.isValidId(id)) {
          continue;
        }
        try {
          Optional<byte[]> b = siteBytes(root, id);
          Optional<String> text = b.isPresent() ? YamlFile.utf8(b.get()) : Optional.empty();
          if (b.isPresent() && text.isEmpty()) {
            continue; // not UTF-8: the whole catalog says so
          }
          bytes.put(id, b);
          text.ifPresent(t -> texts.put(Catalog.siteFile(id), Optional.of(t)));
        } catch (IOException e) {
          // refused or unreadable: the whole catalog says why
        }
      }
      Catalog catalog = new CatalogLoader().load(root, MenuFiles.fromClassPath(), texts);
      List<String> menuIds = List.copyOf(catalog.sources().targets().keySet());
      for (Map.Entry<String, Optional<byte[]>> e : bytes.entrySet()) {
        Target target;
        try {
          target = catalog.target(e.getKey());
        } catch (CatalogException notLoaded) {
          continue;
        }
        if (keep(root, e.getKey(), stamp, e.getValue().orElse(null), target, menuIds)) {
          done.add(e.getKey());
        }
      }
    } catch (IOException | RuntimeException e) {
      // what is not compiled is read from its sources
    }
    return done;
  }

  public Target target() {
    return target;
  }

  /**
   * Whether a target id is on this host, as {@link Catalog#knownIds} says: a menu target or a site
   * file's name. Lists the site folder (names only, nothing parsed) the first time it is asked.
   */
  public boolean isKnown(String id) {
    return knownIds().map(ids -> ids.contains(id)).orElse(true); // unsure: keep its series
  }

  /**
   * The target ids on this host, as {@link Catalog#knownIds} gives them: the menus' targets and the
   * site files' names (listed the first time it is asked, nothing parsed); empty when the site
   * folder cannot be listed.
   */
  public Optional<Set<String>> knownIds() {
    Set<String> ids = knownIds;
    if (ids == null) {
      ids = new TreeSet<>(menuIds);
      Path dir = root.resolve(Catalog.SITE_DIR);
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
          for (Path f : files) {
            String name = f.getFileName().toString();
            ids.add(name.substring(0, name.length() - ".yaml".length()));
          }
        } catch (IOException e) {
          return Optional.empty();
        }
      }
      ids = Collections.unmodifiableSet(ids);
      knownIds = ids;
    }
    return Optional.of(ids);
  }

  /** The compiled target, when it was made by this program from these site file bytes. */
  private static Optional<OneTarget> compiled(
      HostRoot root, String id, String stamp, byte[] siteBytes) {
    Path file = root.resolve(DIR + "/" + id);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      byte[] all = SafeRead.owned(file, CAP, "compiled target");
      if (all.length < 8 || checksum(all, all.length - 8) != tail(all)) {
        return Optional.empty(); // damaged
      }
      return compiled(root, id, stamp, siteBytes, Arrays.copyOf(all, all.length - 8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // read the sources again
    }
  }

  private static Optional<OneTarget> compiled(
      HostRoot root, String id, String stamp, byte[] siteBytes, byte[] content) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(stamp)) {
        return Optional.empty();
      }
      byte[] source = in.readBoolean() ? bytes(in) : null;
      if (!Arrays.equals(source, siteBytes)) {
        return Optional.empty();
      }
      int n = in.readInt();
      List<String> menuIds = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        menuIds.add(in.readUTF());
      }
      Target target = TargetCodec.decode(bytes(in));
      if (!target.id().equals(id)) {
        return Optional.empty();
      }
      return Optional.of(new OneTarget(root, target, List.copyOf(menuIds)));
    }
  }

  private static long checksum(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }

  private static long tail(byte[] bytes) {
    long v = 0;
    for (int i = bytes.length - 8; i < bytes.length; i++) {
      v = (v << 8) | (bytes[i] & 0xff);
    }
    return v;
  }

  private static boolean keep(
      HostRoot root, String id, String stamp, byte[] siteBytes, Target target, List<String> ids) {
    try {
      byte[] encoded = TargetCodec.encode(target);
      if (!TargetCodec.decode(encoded).equals(target)) {
        return false; // a target the codec cannot carry whole is read from its sources every time
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(MAGIC);
        out.writeUTF(stamp);
        out.writeBoolean(siteBytes != null);
        if (siteBytes != null) {
          out.writeInt(siteBytes.length);
          out.write(siteBytes);
        }
        out.writeInt(ids.size());
        for (String i : ids) {
          out.writeUTF(i);
        }
        out.writeInt(encoded.length);
        out.write(encoded);
        out.flush();
        out.writeLong(checksum(bytes.toByteArray(), bytes.size()));
      }
      AtomicFile.write(
          root.resolve(DIR + "/" + id),
          bytes.toByteArray(),
          PosixFilePermissions.fromString("rw-------"));
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // not kept: the next run reads the sources again
    }
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad length " + n);
    }
    return in.readNBytes(n);
  }

  /**
   * What made a compiled target: the jar (its size and time), or, run from a class folder, the
   * menus' text and the model's shape.
   */
  static String stamp() throws IOException {
    Path location;
    try {
      location =
          Path.of(OneTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isRegularFile(location)) {
      BasicFileAttributes a = Files.readAttributes(location, BasicFileAttributes.class);
      return "jar " + a.size() + " " + a.lastModifiedTime().toMillis() + " " + location;
    }
    CRC32 crc = new CRC32();
    for (NamedText menu : MenuFiles.from(location)) {
      crc.update(menu.name().getBytes(StandardCharsets.UTF_8));
      crc.update(menu.text().getBytes(StandardCharsets.UTF_8));
    }
    return "classes " + crc.getValue() + " " + TargetCodec.shape();
  }
}
