package org.watchdogmenu.install;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;

/**
 * Reads and writes the manifest under the root; it is root's own file (0600). The root it lives
 * under holds the installer's other records too (backups, the install lock): normally the root the
 * files are written under, see {@link InstallTools}.
 */
final class ManifestStore {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The basis of a plan made by a reader who may not read the manifest (not root). */
  static final String UNREADABLE = "unreadable";

  private final HostRoot records;
  private final Path file;

  ManifestStore(HostRoot records) {
    this.records = records;
    this.file = records.resolve(InstallPaths.MANIFEST);
  }

  /** The root the installer's records (manifest, backups, lock) live under. */
  HostRoot records() {
    return records;
  }

  /** The manifest; empty when there is none, or when this reader may not read it (not root). */
  Manifest load() {
    if (!Files.exists(file) || !Files.isReadable(file)) {
      return Manifest.EMPTY;
    }
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new InstallException(
          InstallPaths.MANIFEST
              + " cannot be read ("
              + e.getMessage().lines().findFirst().orElse("")
              + "): fix or move it away; without it the installer does not know its own files");
    }
  }

  /** The manifest's hash now, so an apply can tell that it changed since its plan was made. */
  String basis() {
    try {
      if (!Files.exists(file)) {
        return "none";
      }
      return Files.isReadable(file) ? FileMeta.sha256(Files.readAllBytes(file)) : UNREADABLE;
    } catch (IOException e) {
      throw new InstallException("cannot read " + InstallPaths.MANIFEST + ": " + e.getMessage());
    }
  }

  void save(Manifest manifest) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(manifest);
    AtomicFile.write(file, bytes, FileMeta.permissions("0600"));
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }
}
