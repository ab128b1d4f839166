package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Root's reads: no link, no FIFO, no device, a size cap, and owner rules for what root runs. */
class SafeReadTest {
  @TempDir Path dir;

  @Test
  void readsARegularFile() throws IOException {
    Path f = Files.writeString(dir.resolve("pid"), "1234\n");
    assertThat(SafeRead.untrustedText(f, 64)).isEqualTo("1234\n");
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThatThrownBy(() -> SafeRead.untrusted(dir.resolve("none"), 64))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aLinkIsNotFollowed() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret"), "token");
    Path link = Files.createSymbolicLink(dir.resolve("pid"), secret);
    assertThatThrownBy(() -> SafeRead.untrusted(link, 64))
        .isInstanceOf(UnsafePathException.class)
        .hasMessage("refusing " + link + ": it is a link, not a regular file");
  }

  @Test
  void aLinkToADeviceIsRefusedAndTheDeviceItselfToo() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
    assertThatThrownBy(() -> SafeRead.untrusted(link, 64)).isInstanceOf(UnsafePathException.class);
    assertThatThrownBy(() -> SafeRead.untrusted(Path.of("/dev/zero"), 64))
        .hasMessageContaining("a device");
  }

  @Test
  void aFileOverTheCapIsRefused() throws IOException {
    Path big = Files.write(dir.resolve("big"), new byte[100_000]);
    assertThatThrownBy(() -> SafeRead.untrusted(big, 64 * 1024))
        .hasMessage("refusing " + big + ": it is larger than 64 KiB");
  }

  @Test
  void configurationMustBeRootsAndNotWritableByOthers() throws IOException {
    assumeTrue(Owners.euid() == 0, "needs root to give a file to another account");
    Path ok = Files.writeString(dir.resolve("ok.yaml"), "id: ok\n");
    assertThat(new String(SafeRead.owned(ok, 1024, "target file"))).isEqualTo("id: ok\n");

    Path open = Files.writeString(dir.resolve("open.yaml"), "id: open\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThatThrownBy(() -> SafeRead.owned(open, 1024, "target file"))
        .hasMessage(
            "refusing target file "
                + open
                + ": it is writable by everyone (mode 0666);"
                + " run chmod go-w "
                + open);

    Path theirs = Files.writeString(dir.resolve("theirs.yaml"), "id: theirs\n");
    FolderTrustTest.chown(theirs, 65534);
    assertThatThrownBy(() -> SafeRead.owned(theirs, 1024, "target file"))
        .hasMessageContaining("it belongs to nobody, not root (wrong file owner)");
  }

  @Test
  void configurationInAFolderAnotherAccountCanChangeIsRefused() throws IOException {
    assumeTrue(Owners.euid() == 0, "needs root to give a folder to another account");
    Path folder = Files.createDirectories(dir.resolve("targets"));
    FolderTrustTest.chown(folder, 65534);
    Path f = Files.writeString(folder.resolve("a.yaml"), "id: a\n");
    assertThatThrownBy(() -> SafeRead.owned(f, 1024, "target file"))
        .hasMessageContaining("belongs to nobody")
        .hasMessageContaining("only root can write");
  }
}
