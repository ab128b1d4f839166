package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    AtomicInteger polls = new AtomicInteger();
    Thread t =
        new Thread(
            () -> {
              try {
                LogFiles.follow(
                    log,
                    20,
                    seen::add,
                    () -> {
                      polls.incrementAndGet();
                      return stop.get();
                    });
              } catch (Exception e) {
                seen.add("error " + e);
              }
            });
    t.start();
    // the follow starts at the end of the file: write only once it has taken its start
    waitFor(() -> polls.get() >= 2);
    // appended, as a log grows (a rewrite would truncate it first, which follow reads as a new
    // file)
    Files.writeString(log, "new 1\n", StandardOpenOption.APPEND);
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
    AtomicInteger polls = new AtomicInteger();
    Thread t =
        new Thread(
            () -> {
              try {
                LogFiles.follow(
                    log,
                    1,
                    seen::add,
                    () -> {
                      polls.incrementAndGet();
                      return stop.get();
                    });
              } catch (Exception e) {
                seen.add("error " + e);
              }
            });
    t.start();
    // rotations faster than the polls, so that some land between two steps of one
    for (int i = 0; i < 2000; i++) {
      Files.move(log, dir.resolve("c.log.1"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(log, "line " + i + "\n");
    }
    // lines may be missed at that pace (a renamed file's inode can come back for the next one),
    // but the follow goes on: once it has caught up, a rotation at a normal pace is followed
    int now = polls.get();
    waitFor(() -> polls.get() >= now + 2 || !t.isAlive());
    Files.move(log, dir.resolve("c.log.1"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(log, "after the rotations\n");
    waitFor(() -> seen.contains("after the rotations") || !t.isAlive());
    stop.set(true);
    t.join(2000);
    assertThat(seen).noneMatch(line -> line.startsWith("error")).contains("after the rotations");
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
