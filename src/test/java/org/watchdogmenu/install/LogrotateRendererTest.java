package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;

/**
 * Who rotates each log: root in its own folders, the owner ({@code su USER GROUP}) in a folder
 * another account controls, nobody in a folder every account may write. Owners are read under the
 * root and named from its /etc/passwd and /etc/group.
 */
class LogrotateRendererTest {
  private static final int CAMERA_UID = 1000;
  private static final int ADM_GID = 4;

  @TempDir Path dir;
  private HostRoot root;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    root = new HostRoot(dir);
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\nsatinder:x:1000:1000::/home/satinder:/bin/bash\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nadm:x:4:\nsatinder:x:1000:\n");
    Files.createDirectories(dir.resolve("var/log"));
  }

  /** A folder with owner, group and mode (octal, the sticky bit included). */
  private Path folder(String hostPath, int uid, int gid, int mode) throws IOException {
    Path p = Files.createDirectories(root.resolve(hostPath));
    Files.setAttribute(p, "unix:uid", uid);
    Files.setAttribute(p, "unix:gid", gid);
    Files.setAttribute(p, "unix:mode", mode);
    return p;
  }

  private String render(String... hostPaths) {
    TreeSet<String> logs = new TreeSet<>();
    for (String h : hostPaths) {
      logs.add(root.resolve(h).toString());
    }
    return LogrotateRenderer.render(root, logs, warnings::add).text();
  }

  private String real(String hostPath) {
    return root.resolve(hostPath).toString();
  }

  @Test
  void logsInRootsFoldersHaveOneBlockWithoutSu() {
    String text = render("/var/log/paqet-health-server.log", "/var/log/paqet-cron-server.log");
    assertThat(text)
        .isEqualTo(
            ScheduleReader.HEADER
                + ": rotation of the logs its checks and restarts write. Change it with"
                + " watchdog-menu, not by hand.\n"
                + real("/var/log/paqet-cron-server.log")
                + "\n"
                + real("/var/log/paqet-health-server.log")
                + "\n{\n    weekly\n    rotate 4\n    compress\n    delaycompress\n    missingok\n"
                + "    notifempty\n    copytruncate\n}\n");
    assertThat(text).doesNotContain("su ");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFolderOwnedByAnotherAccountIsRotatedAsThatAccount() throws IOException {
    folder("/home/satinder", CAMERA_UID, CAMERA_UID, 0755);
    folder("/home/satinder/camera-platform-local", CAMERA_UID, CAMERA_UID, 0755);
    folder("/home/satinder/camera-platform-local/logs", CAMERA_UID, CAMERA_UID, 0755);
    String camera = "/home/satinder/camera-platform-local/logs/health_check.log";

    String text = render("/var/log/paqet-health-server.log", camera);

    assertThat(text)
        .contains(real("/var/log/paqet-health-server.log") + "\n{\n    weekly\n")
        .contains("}\n\n" + real(camera) + "\n{\n    su satinder satinder\n    weekly\n")
        .endsWith("    copytruncate\n}\n");
    assertThat(text.split("su ", -1)).hasSize(2);
  }

  @Test
  void aFolderNotMadeYetIsJudgedByTheFolderThatWillHoldIt() throws IOException {
    folder("/home/satinder", CAMERA_UID, CAMERA_UID, 0750);
    assertThat(render("/home/satinder/app/logs/cron.log"))
        .contains("\n{\n    su satinder satinder\n");
  }

  @Test
  void aRootFolderUnderAUsersHomeIsStillRotatedAsThatUser() throws IOException {
    folder("/home/satinder", CAMERA_UID, CAMERA_UID, 0755);
    folder("/home/satinder/logs", 0, 0, 0755);
    assertThat(render("/home/satinder/logs/a.log")).contains("    su satinder satinder\n");
  }

  @Test
  void aRootFolderAGroupMayWriteGetsSuRootGroup() throws IOException {
    folder("/var/log/app", 0, ADM_GID, 0775);
    assertThat(render("/var/log/app/a.log")).contains("    su root adm\n");
  }

  @Test
  void anAccountTheRootDoesNotKnowIsNamedByItsNumber() throws IOException {
    folder("/srv/x", 4242, 4343, 0755);
    assertThat(render("/srv/x/a.log")).contains("    su 4242 4343\n");
  }

  @Test
  void aFolderEveryAccountMayWriteIsNotRotatedAndSaysSo() throws IOException {
    folder("/var/tmp", 0, 0, 01777);
    folder("/var/log/open", 0, 0, 0777);
    String text = render("/var/tmp/a.log", "/var/tmp/new/b.log", "/var/log/open/c.log");
    assertThat(text).doesNotContain("a.log", "b.log", "c.log");
    assertThat(warnings)
        .containsExactly(
            real("/var/log/open/c.log")
                + " is not rotated: "
                + real("/var/log/open")
                + " is writable by every account; keep the log in a folder that only its owner"
                + " can write",
            real("/var/tmp/a.log")
                + " is not rotated: "
                + real("/var/tmp")
                + " is writable by every account; keep the log in a folder that only its owner"
                + " can write",
            real("/var/tmp/new/b.log")
                + " is not rotated: "
                + real("/var/tmp")
                + " is writable by every account; keep the log in a folder that only its owner"
                + " can write");
  }

  @Test
  void aStickyFolderAboveARootFolderIsNoProblem() throws IOException {
    folder("/var/tmp", 0, 0, 01777);
    folder("/var/tmp/wdm", 0, 0, 0755);
    assertThat(render("/var/tmp/wdm/a.log")).contains("a.log\n{\n    weekly\n");
    assertThat(warnings).isEmpty();
  }
}
