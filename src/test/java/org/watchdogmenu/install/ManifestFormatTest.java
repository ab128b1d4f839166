package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;

/**
 * The manifest on disk keeps its format: a file written before the changes were typed (actions as
 * words, kinds by name) is read into the typed changes and written back byte for byte.
 */
class ManifestFormatTest {
  /** A manifest as the installer wrote it before: a write, a restore and a removal. */
  private static final String WRITTEN_BEFORE =
      """
      {
        "version" : 1,
        "applies" : [ {
          "id" : "20250214T103000Z-1",
          "at" : "2025-02-14T10:30:00Z",
          "title" : "enable paqet-server --health 5m",
          "changes" : [ {
            "path" : "/etc/cron.d/paqet-health-server",
            "action" : "write",
            "kind" : "CRON",
            "feature" : "health paqet-server */5 * * * *",
            "sha256" : "cd34",
            "mode" : "0644",
            "owner" : "root",
            "group" : "root",
            "logs" : [ "/var/log/paqet-health-server.log" ],
            "before" : {
              "backup" : "/var/lib/watchdog-menu/backups/20250214T103000Z-1/etc/cron.d/paqet-health-server",
              "sha256" : "ab12",
              "mode" : "0644",
              "owner" : "root",
              "group" : "root"
            }
          }, {
            "path" : "/etc/logrotate.d/watchdog-menu",
            "action" : "restore",
            "kind" : "LOGROTATE",
            "feature" : null,
            "sha256" : "9876",
            "mode" : "0644",
            "owner" : "root",
            "group" : "root",
            "logs" : [ ],
            "before" : null
          } ],
          "commands" : [ {
            "argv" : [ "loginctl", "enable-linger", "ubuntu" ],
            "why" : "keep ubuntu's services running",
            "undo" : [ "loginctl", "disable-linger", "ubuntu" ]
          } ]
        }, {
          "id" : "20250214T110000Z-2",
          "at" : "2025-02-14T11:00:00Z",
          "title" : "sudoers --remove deploy",
          "changes" : [ {
            "path" : "/etc/sudoers.d/watchdog-menu-deploy",
            "action" : "remove",
            "kind" : "SUDOERS",
            "feature" : "sudoers deploy",
            "sha256" : null,
            "mode" : null,
            "owner" : null,
            "group" : null,
            "logs" : [ ],
            "before" : {
              "backup" : "/var/lib/watchdog-menu/backups/x/etc/sudoers.d/watchdog-menu-deploy",
              "sha256" : "ef56",
              "mode" : "0440",
              "owner" : "root",
              "group" : "root"
            }
          } ],
          "commands" : [ ]
        } ]
      }""";

  @TempDir Path dir;

  private Path manifest() {
    return new HostRoot(dir).resolve(InstallPaths.MANIFEST);
  }

  private ManifestStore store() throws IOException {
    Files.createDirectories(manifest().getParent());
    return new ManifestStore(new HostRoot(dir));
  }

  @Test
  void aManifestIsReadAndWrittenBackByteForByte() throws IOException {
    ManifestStore store = store();
    Files.writeString(manifest(), WRITTEN_BEFORE);

    store.save(store.load());

    assertThat(Files.readString(manifest())).isEqualTo(WRITTEN_BEFORE);
  }

  @Test
  void theStoredWordsAreReadAsTypes() throws IOException {
    ManifestStore store = store();
    Files.writeString(manifest(), WRITTEN_BEFORE);

    Manifest m = store.load();

    assertThat(m.applies().get(0).changes())
        .extracting(Manifest.Change::action, Manifest.Change::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Manifest.Action.WRITE, FileKind.CRON),
            org.assertj.core.groups.Tuple.tuple(Manifest.Action.RESTORE, FileKind.LOGROTATE));
    assertThat(m.applies().get(1).changes())
        .extracting(Manifest.Change::action, Manifest.Change::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Manifest.Action.REMOVE, FileKind.SUDOERS));
    // the cron file is the only one still ours: the restore and the removal gave the others up
    assertThat(m.installed()).containsOnlyKeys("/etc/cron.d/paqet-health-server");
  }

  @Test
  void eachActionHasItsOwnFactory() {
    Manifest.Before before =
        new Manifest.Before("/var/lib/watchdog-menu/backups/1/x", "ab12", "0644", "root", "root");
    FileWrite write =
        new FileWrite(
            "/etc/cron.d/x",
            "text\n".getBytes(StandardCharsets.UTF_8),
            FileKind.CRON,
            "0644",
            "root",
            "adm",
            new FeatureKey.Other("x/health"),
            List.of("/var/log/x.log"),
            false);
    String sha = FileMeta.sha256(write.content());

    assertThat(Manifest.Change.written(write, before))
        .isEqualTo(
            new Manifest.Change(
                "/etc/cron.d/x",
                Manifest.Action.WRITE,
                FileKind.CRON,
                "x/health",
                sha,
                "0644",
                "root",
                "adm",
                List.of("/var/log/x.log"),
                before));
    assertThat(Manifest.Change.restored(write, null).action()).isEqualTo(Manifest.Action.RESTORE);
    assertThat(Manifest.Change.restored(write, null).writes()).isFalse();
    assertThat(
            Manifest.Change.removed(
                new FileRemoval("/etc/cron.d/x", FileKind.CRON, new FeatureKey.Other("x/health")),
                before))
        .isEqualTo(
            new Manifest.Change(
                "/etc/cron.d/x",
                Manifest.Action.REMOVE,
                FileKind.CRON,
                "x/health",
                null,
                null,
                null,
                null,
                List.of(),
                before));
  }
}
