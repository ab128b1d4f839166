package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesFollowIT {
  @TempDir Path dir;

  @Test
  void followPrintsNewLinesAndSurvivesRotation() throws Exception {
    Path log = dir.resolve("b.log");
    Files.writeString(log, "old\n");
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              try {
                LogFiles.follow(log, 20, seen::add, stop::get);
              } catch (Exception e) {
                seen.add("error " + e);
              }
            });
    t.start();
    Thread.sleep(100);
    Files.writeString(log, "old\nnew 1\n");
    waitFor(() -> seen.contains("new 1"));
    Files.move(log, dir.resolve("b.log.1"));
    Files.writeString(log, "after rotation\n");
    waitFor(() -> seen.contains("after rotation"));
    stop.set(true);
    t.join(2000);
    assertThat(seen).containsExactly("new 1", "after rotation");
  }

  @Test
  void aRotationAtAnyMomentOfAPollNeverEndsTheFollow() throws Exception {
    Path log = dir.resolve("c.log");
    Files.writeString(log, "");
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              try {
                LogFiles.follow(log, 1, seen::add, stop::get);
              } catch (Exception e) {
                seen.add("error " + e);
              }
            });
    t.start();
    for (int i = 0; i < 2000; i++) {
      Files.move(log, dir.resolve("c.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(log, "line " + i + "\n");
    }
    waitFor(() -> seen.contains("line 1999") || !t.isAlive());
    stop.set(true);
    t.join(2000);
    assertThat(seen).noneMatch(line -> line.startsWith("error")).contains("line 1999");
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }
}
