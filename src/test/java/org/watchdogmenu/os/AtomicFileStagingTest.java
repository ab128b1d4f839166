package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileStagingTest {
  @TempDir Path dir;

  @Test
  void aStagedFileHasItsModeAndOwnerBeforeItReplacesTheTarget() throws Exception {
    Path target = dir.resolve("job");
    Files.writeString(target, "old\n");
    try (AtomicFile.Staged staged =
        AtomicFile.stage(
            target,
            "new\n".getBytes(StandardCharsets.UTF_8),
            PosixFilePermissions.fromString("r--r-----"),
            "nobody",
            "nogroup")) {
      assertThat(staged.temp().getFileName().toString()).startsWith(".job.tmp-");
      assertThat(Files.getPosixFilePermissions(staged.temp()))
          .isEqualTo(PosixFilePermissions.fromString("r--r-----"));
      assertThat(Files.getOwner(staged.temp()).getName()).isEqualTo("nobody");
      assertThat(Files.readString(target)).isEqualTo("old\n");
      staged.commit();
    }
    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(Files.getOwner(target).getName()).isEqualTo("nobody");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aStagedFileThatIsNeverCommittedIsDeletedAndTheTargetKept() throws Exception {
    Path target = dir.resolve("job");
    Files.writeString(target, "old\n");
    try (AtomicFile.Staged staged = AtomicFile.stage(target, new byte[] {1}, null, null, null)) {
      assertThat(staged.temp()).exists();
    }
    assertThat(Files.readString(target)).isEqualTo("old\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}
