package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command log is opened as root in folders another account may own: these are the tricks such
 * an account could play. Uid 54321 stands for that account (no name needed: ownership is by
 * number).
 */
class OutputLogTest {
  private static final int OTHER = 54321;

  @TempDir Path dir;

  private static OutputLog opened(OutputLog.Opening o) {
    assertThat(o).isInstanceOf(OutputLog.Opened.class);
    return ((OutputLog.Opened) o).log();
  }

  private static String refusal(OutputLog.Opening o) {
    assertThat(o).isInstanceOf(OutputLog.Refused.class);
    return ((OutputLog.Refused) o).why();
  }

  @Test
  void createsTheLogInRootsOwnFolderAndHandsTheChildTheOpenFile() throws Exception {
    Path log = dir.resolve("logs/health.log");

    try (OutputLog out = opened(OutputLog.open(log))) {
      assertThat(out.forChild().toString()).startsWith("/proc/self/fd/");
      assertThat(Files.readSymbolicLink(out.forChild())).isEqualTo(log);
    }
    assertThat(log).exists();
  }

  @Test
  void readsBackOnlyWhatWasAppendedSinceItWasOpened() throws Exception {
    Path log = Files.writeString(dir.resolve("health.log"), "old line\n");
    try (OutputLog out = opened(OutputLog.open(log))) {
      Files.writeString(log, "new line\n", java.nio.file.StandardOpenOption.APPEND);

      assertThat(out.appended(1024)).isEqualTo("new line\n");
      assertThat(out.appended(5)).isEqualTo("line\n");
    }
  }

  @Test
  void aLinkInPlaceOfTheLogIsRefused() throws Exception {
    Path target = Files.writeString(dir.resolve("passwd"), "x\n");
    Path log = Files.createSymbolicLink(dir.resolve("health.log"), target);

    assertThat(refusal(OutputLog.open(log))).contains(log.toString());
  }

  @Test
  void aHardLinkIsRefused() throws Exception {
    Path target = Files.writeString(dir.resolve("shadow"), "x\n");
    Path log = Files.createLink(dir.resolve("health.log"), target);

    assertThat(refusal(OutputLog.open(log))).contains("2 hard links");
  }

  @Test
  void inAnotherAccountsFolderAnExistingLogIsUsed() throws Exception {
    Path home = Files.createDirectory(dir.resolve("home"));
    Path log = Files.writeString(home.resolve("app.log"), "");
    Files.setAttribute(log, "unix:uid", OTHER);
    Files.setAttribute(home, "unix:uid", OTHER);

    try (OutputLog out = opened(OutputLog.open(log))) {
      assertThat(Files.readSymbolicLink(out.forChild())).isEqualTo(log);
    }
  }

  @Test
  void inAnotherAccountsFolderRootCreatesNothing() throws Exception {
    Path home = Files.createDirectory(dir.resolve("home"));
    Files.setAttribute(home, "unix:uid", OTHER);
    Path log = home.resolve("app.log");

    assertThat(refusal(OutputLog.open(log))).contains("is missing").contains("belongs to");
    assertThat(log).doesNotExist();
  }

  @Test
  void aLogOfAThirdAccountIsRefused() throws Exception {
    Path log = Files.writeString(dir.resolve("health.log"), "");
    Files.setAttribute(log, "unix:uid", OTHER);

    assertThat(refusal(OutputLog.open(log))).contains("belongs to");
  }

  @Test
  void aLinkTheOtherAccountPlantedOnTheWayIsRefused() throws Exception {
    Path home = Files.createDirectory(dir.resolve("home"));
    Files.setAttribute(home, "unix:uid", OTHER);
    Path etc = Files.createDirectory(dir.resolve("etc"));
    Files.writeString(etc.resolve("app.log"), "root's\n");
    Path logs = Files.createSymbolicLink(home.resolve("logs"), etc);
    Files.setAttribute(logs, "unix:uid", OTHER, java.nio.file.LinkOption.NOFOLLOW_LINKS);

    assertThat(refusal(OutputLog.open(logs.resolve("app.log")))).contains("link");
  }

  @Test
  void aFolderSwappedForALinkAfterTheCheckIsCaughtOnTheOpenFile() throws Exception {
    // the walk saw a plain folder home/logs; by the time of the open it had become a link to a
    // folder of root's, so the open file is root's own: the kernel's name for it gives it away
    Path home = Files.createDirectory(dir.resolve("home"));
    Files.setAttribute(home, "unix:uid", OTHER);
    Path etc = Files.createDirectory(dir.resolve("etc"));
    Path rootsFile = Files.writeString(etc.resolve("app.log"), "root's\n");
    Path logs = home.resolve("logs");
    Files.createSymbolicLink(logs, etc);

    assertThat(FolderTrust.realPath(logs)).as("no link is followed in another's folder").isEmpty();
    FileChannel ch = FileChannel.open(rootsFile, StandardOpenOption.READ);
    assertThatThrownBy(() -> LogFile.verified(logs.resolve("app.log"), ch, OTHER))
        .hasMessageContaining("it led to " + rootsFile);
    assertThat(ch.isOpen()).isFalse();
    assertThat(refusal(OutputLog.open(logs.resolve("app.log")))).contains("link");
  }

  @Test
  void rootsOwnLinksInRootsOwnFoldersAreFollowed() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("log"), real);

    assertThat(FolderTrust.realPath(link)).contains(real);
    try (OutputLog out = opened(OutputLog.open(link.resolve("x.log")))) {
      assertThat(Files.readSymbolicLink(out.forChild())).isEqualTo(real.resolve("x.log"));
    }
  }

  @Test
  void aLogInAGroupWritableFolderIsCreatedAndCheckedOnceOpen() throws Exception {
    // Ubuntu's /var/log is root:syslog 0775: the open is bounded and its result checked
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr-x"));

    try (OutputLog out = opened(OutputLog.open(shared.resolve("x.log")))) {
      assertThat(Files.readSymbolicLink(out.forChild())).isEqualTo(shared.resolve("x.log"));
    }
  }
}
