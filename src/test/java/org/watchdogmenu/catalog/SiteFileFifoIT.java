package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Target files decide what root runs: one that another account owns or can write, or that lies in a
 * folder another account can change, is refused in one line like cron's "WRONG FILE OWNER", as are
 * links, FIFOs, devices, files over 1 MiB, deep nesting and YAML anchors. A refused file breaks
 * only its own target.
 */
class SiteFileFifoIT extends SiteFileFixture {
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    assertThat(onlyProblem("pipe"))
        .isEqualTo("refusing " + fifo + ": it is a FIFO, not a regular file");
  }

  @Test
  void everyBadSiblingAtOnceLeavesTheGoodTargetLoading() throws Exception {
    Files.setAttribute(bad("theirs"), "unix:uid", NOBODY);
    Files.setPosixFilePermissions(bad("world"), PosixFilePermissions.fromString("rw-rw-rw-"));
    Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    new ProcessBuilder("mkfifo", dir.resolve("pipe.yaml").toString()).start().waitFor();
    Sites.write(root, "big.yaml", "x".repeat(8 * 1024 * 1024));

    Catalog catalog = Sites.load(root);

    assertThat(catalog.target("good").id()).isEqualTo("good");
    assertThat(catalog.problems())
        .extracting(Problem::file)
        .containsExactlyInAnyOrderElementsOf(
            List.of("big", "pipe", "theirs", "world", "zero").stream()
                .map(id -> Catalog.SITE_DIR + "/" + id + ".yaml")
                .toList());
  }
}
