package org.watchdogmenu.install;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;

/**
 * The intent of an apply, written ({@code /var/lib/watchdog-menu/journal.json}, 0600) after its
 * backups and before the first file is touched, and deleted once the manifest records the apply. A
 * run killed anywhere in between leaves it behind; the next run that takes the install lock reads
 * it and converges before it plans anything: an apply the manifest already has is complete, any
 * other is rolled back file by file (a file that holds what the apply wrote gets its backup back,
 * or goes when there was none; a file it removed comes back), together with the dot-named temp
 * files it left.
 */
final class Journal {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * What a put-back does for one file: restore its backup, or delete it when {@code before} is
   * null.
   */
  interface PutBack {
    void run(Manifest.Change change, Manifest.Before before) throws IOException;
  }

  private final HostRoot root;
  private final Path file;

  private final HostRoot records;

  /**
   * @param root where the files an apply changes live
   * @param records where the journal and the manifest live (see {@link InstallTools})
   */
  Journal(HostRoot root, HostRoot records) {
    this.root = root;
    this.records = records;
    this.file = records.resolve(InstallPaths.JOURNAL);
  }

  /** Records the apply about to happen; nothing has been touched yet when this fails. */
  void begin(Manifest.Apply apply) throws IOException {
    AtomicFile.write(file, JSON.writeValueAsBytes(apply), FileMeta.permissions("0600"));
  }

  /** The apply is recorded in the manifest (or nothing at all happened): the intent is done. */
  void end() throws IOException {
    Files.deleteIfExists(file);
  }

  Optional<Manifest.Apply> pending() {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), Manifest.Apply.class));
    } catch (IOException e) {
      throw new InstallException(
          InstallPaths.JOURNAL
              + " cannot be read ("
              + e.getMessage().lines().findFirst().orElse("")
              + "): it describes a change that did not finish; move it away to go on");
    }
  }

  /**
   * Puts every file the apply changed back as it was before it.
   *
   * @return the host paths put back
   * @throws IOException when a file could not be put back (the journal stays, for the next run)
   */
  List<String> rollBack(Manifest.Apply apply, PutBack putBack) throws IOException {
    List<String> done = new ArrayList<>();
    for (Manifest.Change c : apply.changes()) {
      Path p = root.resolve(c.path());
      Optional<FileMeta> now = FileMeta.read(p);
      if (c.action() == Manifest.Action.REMOVE) {
        if (now.isEmpty() && c.before() != null) {
          putBack.run(c, c.before());
          done.add(c.path());
        }
      } else if (now.isPresent() && now.get().sha256().equals(c.sha256())) {
        if (c.before() == null || !c.before().sha256().equals(c.sha256())) {
          putBack.run(c, c.before());
          done.add(c.path());
        }
      }
    }
    return done;
  }

  /**
   * Removes the temp files an interrupted write left beside the apply's files (and the manifest).
   */
  void removeTempFiles(Manifest.Apply apply) {
    Set<Path> paths = new LinkedHashSet<>();
    apply.changes().forEach(c -> paths.add(root.resolve(c.path())));
    paths.add(records.resolve(InstallPaths.MANIFEST));
    for (Path target : paths) {
      Path dir = target.getParent();
      if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      String prefix = "." + target.getFileName() + ".tmp-";
      try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, p -> isTemp(p, prefix))) {
        for (Path t : temps) {
          Files.deleteIfExists(t);
        }
      } catch (IOException ignored) {
        // a dot-named temp file is ignored by cron and sudo; doctor names what is left
      }
    }
  }

  private static boolean isTemp(Path p, String prefix) {
    return p.getFileName().toString().startsWith(prefix)
        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
  }
}
