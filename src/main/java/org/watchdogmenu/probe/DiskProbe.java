package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.watchdogmenu.model.DiskProbeSpec;

/**
 * The file system holding {@code path} is used at most {@code max_percent}, computed as {@code df}
 * does: used / (used + available to users), rounded up, where used = total − free.
 */
final class DiskProbe implements Probe {
  private final DiskProbeSpec spec;

  DiskProbe(DiskProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    Path path = context.host().root().resolve(spec.path());
    if (!Files.exists(path)) {
      throw new ConfigProblem(
          "disk probe: path " + spec.path() + " does not exist: set path to a mounted folder");
    }
    try {
      FileStore store = Files.getFileStore(path);
      long percent =
          usedPercent(store.getTotalSpace(), store.getUnallocatedSpace(), store.getUsableSpace());
      String text =
          "disk " + percent + "% used on " + spec.path() + " (limit " + spec.maxPercent() + "%)";
      return percent > spec.maxPercent()
          ? ProbeResult.fail(text, watch.elapsed())
          : ProbeResult.pass(text, watch.elapsed());
    } catch (IOException e) {
      return ProbeResult.unknown(
          "cannot read the disk use of " + spec.path() + ": " + e, watch.elapsed());
    }
  }

  /** df's Use%: used / (used + available), rounded up; 0 for an empty file system. */
  static long usedPercent(long total, long free, long available) {
    long used = total - free;
    long base = used + available;
    if (base <= 0) {
      return 0;
    }
    return (used * 100 + base - 1) / base;
  }
}
