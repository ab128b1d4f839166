package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesANewFileAndItsFolders() throws Exception {
    Path target = dir.resolve("etc/cron.d/paqet-health-server");

    AtomicFile.write(target, "line\n", PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(target).hasContent("line");
    assertThat(Files.readString(target)).isEqualTo("line\n");
  }

  @Test
  void replacesTheContentOfAnExistingFile() throws Exception {
    Path target = dir.resolve("state.txt");
    Files.writeString(target, "old content that is longer than the new\n");

    AtomicFile.write(target, "new\n", null);

    assertThat(Files.readString(target)).isEqualTo("new\n");
  }

  @Test
  void setsTheMode() throws Exception {
    Path target = dir.resolve("sudoers-rule");
    Files.writeString(target, "old\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

    AtomicFile.write(target, "new\n", PosixFilePermissions.fromString("r--r-----"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("r--r-----");
  }

  @Test
  void anUnsyncedWriteReplacesTheSameWayWithItsModeAndNoTempFile() throws Exception {
    Path target = dir.resolve("last/web.json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "old content that is longer than the new\n");

    AtomicFile.write(
        target,
        "new\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        PosixFilePermissions.fromString("rw-r-----"),
        AtomicFile.Durability.UNSYNCED);

    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r-----");
    assertThat(list(target.getParent())).containsExactly("web.json");
  }

  @Test
  void leavesNoTempFileBehind() throws Exception {
    Path target = dir.resolve("state.txt");

    AtomicFile.write(target, "one\n", null);
    AtomicFile.write(target, "two\n", null);

    assertThat(list(dir)).containsExactly("state.txt");
  }

  @Test
  void writesBytesAsGiven() throws Exception {
    Path target = dir.resolve("bin");
    byte[] bytes = {0, 1, 2, (byte) 0xff, '\r', '\n'};

    AtomicFile.write(target, bytes, null);

    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
  }

  @Test
  void failedRenameLeavesTheTargetAsItWasAndNoTempFile() throws Exception {
    // As root a read-only folder does not stop a write; a non-empty folder in the way of
    // the rename does.
    Path target = dir.resolve("state.txt");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep"), "precious\n");

    assertThatThrownBy(() -> AtomicFile.write(target, "new\n", null))
        .isInstanceOf(IOException.class);

    assertThat(target).isDirectory();
    assertThat(Files.readString(target.resolve("keep"))).isEqualTo("precious\n");
    assertThat(list(dir)).containsExactly("state.txt");
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
