package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who could change what a path leads to; the rules root's writes and reads follow. */
class FolderTrustTest {
  @TempDir Path dir;

  @BeforeEach
  void asRoot() {
    assumeTrue(Owners.euid() == 0, "ownership rules need root to make files of other accounts");
  }

  static void chown(Path p, int uid) throws IOException {
    Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void rootsOwnFoldersAreTrusted() throws IOException {
    Path a = Files.createDirectories(dir.resolve("etc/watchdog-menu"));
    assertThat(FolderTrust.of(a)).isInstanceOf(FolderTrust.Trusted.class);
    assertThat(FolderTrust.of(a.resolve("missing/deeper"))).isInstanceOf(FolderTrust.Trusted.class);
  }

  @Test
  void aStickySharedFolderIsSharedButRootsOwnFolderInItIsTrusted() throws IOException {
    Path tmp = Files.createDirectories(dir.resolve("var/tmp"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setAttribute(tmp, "unix:mode", 01777);
    assertThat(FolderTrust.of(tmp)).isInstanceOf(FolderTrust.Sticky.class);
    Path mine = Files.createDirectory(tmp.resolve("mine"));
    assertThat(FolderTrust.of(mine)).isInstanceOf(FolderTrust.Trusted.class);
    Path theirs = Files.createDirectory(tmp.resolve("theirs"));
    chown(theirs, 65534);
    assertThat(FolderTrust.of(theirs.resolve("x"))).isInstanceOf(FolderTrust.OwnedBy.class);
  }

  @Test
  void aFolderOwnedByAnotherAccountBelongsToItAndEverythingBelow() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home/bob"));
    chown(home, 65534);
    Path below = Files.createDirectories(home.resolve(".config/systemd/user"));
    FolderTrust.Verdict v = FolderTrust.of(below);
    assertThat(v).isInstanceOf(FolderTrust.OwnedBy.class);
    assertThat(((FolderTrust.OwnedBy) v).uid()).isEqualTo(65534);
  }

  @Test
  void aGroupWritableFolderWithoutTheStickyBitIsShared() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("var/log"));
    Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxr-x"));
    FolderTrust.Verdict v = FolderTrust.of(logs);
    assertThat(v).isInstanceOf(FolderTrust.Shared.class);
    assertThat(v.words()).endsWith("is writable by its group");
  }

  @Test
  void aLinkOwnedByAnotherAccountIsRefusedAndRootsOwnLinkIsFollowed() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path rootLink = Files.createSymbolicLink(dir.resolve("rootlink"), real);
    assertThat(FolderTrust.of(rootLink)).isEqualTo(new FolderTrust.Trusted(real));
    Path theirLink = Files.createSymbolicLink(dir.resolve("theirlink"), real);
    chown(theirLink, 65534);
    assertThat(FolderTrust.of(theirLink.resolve("x"))).isInstanceOf(FolderTrust.Refused.class);
  }

  @Test
  void aLinkInAnAccountsFolderIsNotFollowed() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home/bob"));
    chown(home, 65534);
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Files.createSymbolicLink(home.resolve(".config"), etc);
    // root made the link here, but the folder is bob's: bob could have put it there
    assertThat(FolderTrust.of(home.resolve(".config/systemd")))
        .isInstanceOf(FolderTrust.Refused.class);
  }

  @Test
  void aFileWhereAFolderShouldBeIsRefused() throws IOException {
    Files.writeString(dir.resolve("file"), "x");
    assertThat(FolderTrust.of(dir.resolve("file/sub")).words()).endsWith("not a folder");
  }

  @Test
  void requireTrustedNamesThePathAndTheFix() throws IOException {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.setAttribute(tmp, "unix:mode", 01777);
    assertThatThrownBy(() -> FolderTrust.requireTrusted(tmp, "a lock"))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining(tmp.toString())
        .hasMessageContaining("only root can write");
  }

  static UserPrincipal nobody(Path p) throws IOException {
    return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
  }
}
