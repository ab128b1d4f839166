package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on root's writes, played by a file system another account (uid 65534) has prepared:
 * planted links, temp-name sprays, foreign lock files, swapped log files.
 */
class RootWritesTest {
  @TempDir Path dir;
  Path shared;
  Path victim;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(Owners.euid() == 0, "the attacks need root to play the other account's files");
    shared = Files.createDirectories(dir.resolve("var/tmp"));
    Files.setAttribute(shared, "unix:mode", 01777);
    victim = Files.writeString(dir.resolve("victim"), "root's own\n");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
  }

  private void untouched() throws IOException {
    assertThat(Files.readString(victim)).isEqualTo("root's own\n");
    assertThat(FileStat.lstat(victim).orElseThrow())
        .extracting(FileStat::uid, FileStat::mode)
        .containsExactly(0, 0600);
  }

  @Test
  void aSprayOfLinksOnEveryGuessableTempNameChangesNothing() throws IOException {
    Path target = shared.resolve("state.txt");
    long pid = ProcessHandle.current().pid();
    for (long p = Math.max(1, pid - 50); p < pid + 50; p++) {
      Path link = shared.resolve(".state.txt.tmp-" + p);
      Files.createSymbolicLink(link, victim);
      FolderTrustTest.chown(link, 65534);
    }
    AtomicFile.write(target, "1739515200 health\n", PosixFilePermissions.fromString("rw-r--r--"));
    untouched();
    assertThat(Files.readString(target)).isEqualTo("1739515200 health\n");
    assertThat(FileStat.lstat(target).orElseThrow().uid()).isZero();
  }

  @Test
  void aLinkPlantedAtTheTargetIsReplacedNotFollowed() throws IOException {
    Path target = shared.resolve("state.txt");
    Files.createSymbolicLink(target, victim);
    AtomicFile.write(target, "x\n", PosixFilePermissions.fromString("rw-r--r--"));
    untouched();
    assertThat(Files.isSymbolicLink(target)).isFalse();
  }

  @Test
  void rootDoesNotWriteIntoAnotherAccountsFolder() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home/bob/.config/systemd/user"));
    FolderTrustTest.chown(dir.resolve("home/bob"), 65534);
    assertThatThrownBy(() -> AtomicFile.write(home.resolve("x.service"), "[Unit]\n", null))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("belongs to nobody")
        .hasMessageContaining("written with nobody's rights");
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aLockIsNeverTakenInASharedFolder() {
    assertThatThrownBy(
            () ->
                LockFile.acquire(
                    shared.resolve("x.lock"),
                    Duration.ZERO,
                    MutableClock.at("2026-12-01T12:00:00Z")))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("only root can write");
  }

  @Test
  void aLockFolderIsMadeRootsAloneAndTheLockFileTooNarrow() throws Exception {
    Path lock = dir.resolve("run/watchdog-menu/a.lock");
    try (LockFile.Held held =
        LockFile.acquire(lock, Duration.ZERO, MutableClock.at("2026-12-01T12:00:00Z"))
            .orElseThrow()) {
      assertThat(FileStat.lstat(lock.getParent()).orElseThrow().mode()).isEqualTo(0700);
      assertThat(FileStat.lstat(lock).orElseThrow().mode()).isEqualTo(0600);
    }
  }

  @Test
  void aLockFileOfAnotherAccountIsRefused() throws IOException {
    Path lock = dir.resolve("run/watchdog-menu/a.lock");
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, "");
    FolderTrustTest.chown(lock, 65534);
    assertThatThrownBy(
            () -> LockFile.acquire(lock, Duration.ZERO, MutableClock.at("2026-12-01T12:00:00Z")))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("it belongs to nobody");
  }

  @Test
  void aLinkAsLockFileIsRefused() throws IOException {
    Path lock = dir.resolve("run/watchdog-menu/a.lock");
    Files.createDirectories(lock.getParent());
    Files.createSymbolicLink(lock, victim);
    assertThatThrownBy(
            () -> LockFile.acquire(lock, Duration.ZERO, MutableClock.at("2026-12-01T12:00:00Z")))
        .isInstanceOf(IOException.class);
    untouched();
  }

  private static void append(FileChannel ch, String s) throws IOException {
    ch.write(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aLogIsAppendedInRootsFolderAndCreatedWithItsFolder() throws IOException {
    Path log = dir.resolve("var/log/x/health.log");
    try (FileChannel ch = LogFile.openAppend(log, null)) {
      append(ch, "a\n");
    }
    try (FileChannel ch = LogFile.openAppend(log, null)) {
      append(ch, "b\n");
    }
    assertThat(Files.readString(log)).isEqualTo("a\nb\n");
  }

  @Test
  void aLinkPlantedAsALogInAnAccountsFolderIsNotFollowed() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("home/bob/logs"));
    FolderTrustTest.chown(dir.resolve("home/bob"), 65534);
    FolderTrustTest.chown(logs, 65534);
    Path log = logs.resolve("health.log");
    Files.createSymbolicLink(log, victim);
    assertThatThrownBy(() -> LogFile.openAppend(log, null)).isInstanceOf(IOException.class);
    untouched();
  }

  @Test
  void aHardLinkAsALogIsRefused() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("home/bob/logs"));
    FolderTrustTest.chown(dir.resolve("home/bob"), 65534);
    Path log = logs.resolve("health.log");
    Files.createLink(log, victim);
    assertThatThrownBy(() -> LogFile.openAppend(log, null))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("hard links");
    untouched();
  }

  @Test
  void rootCreatesNoLogInAnAccountsFolder() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("home/bob/logs"));
    FolderTrustTest.chown(dir.resolve("home/bob"), 65534);
    Path log = logs.resolve("health.log");
    assertThatThrownBy(() -> LogFile.openAppend(log, null))
        .hasMessageContaining("is missing")
        .hasMessageContaining("create it as nobody");
    assertThat(Files.exists(log, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void anAccountsOwnLogInItsFolderIsAppended() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("home/bob/logs"));
    FolderTrustTest.chown(dir.resolve("home/bob"), 65534);
    Path log = Files.writeString(logs.resolve("health.log"), "");
    FolderTrustTest.chown(log, 65534);
    try (FileChannel ch = LogFile.openAppend(log, null)) {
      append(ch, "a\n");
    }
    assertThat(Files.readString(log)).isEqualTo("a\n");
  }
}
