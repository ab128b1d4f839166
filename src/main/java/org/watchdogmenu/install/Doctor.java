package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * Re-checks every file the manifest says is installed, with the same real tools as before it was
 * written, and says in words what is wrong: missing, edited by hand, mode or owner changed, or the
 * validator's own complaint.
 */
public final class Doctor {
  /** One problem with one installed file. */
  public record Problem(String path, String words) {
    @Override
    public String toString() {
      return path + ": " + words;
    }
  }

  private final HostRoot root;
  private final ManifestStore store;
  private final Validators validators;

  public Doctor(Host host) {
    this.root = host.root();
    this.store = new ManifestStore(root);
    this.validators = new Validators(host);
  }

  /** Every problem found; empty when everything installed is as it was written. */
  public List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, Manifest.Installed> e : store.load().installed().entrySet()) {
      check(e.getKey(), e.getValue(), problems);
    }
    return problems;
  }

  private void check(String hostPath, Manifest.Installed installed, List<Problem> problems) {
    Manifest.Change c = installed.change();
    Path p = root.resolve(hostPath);
    Optional<FileMeta> now;
    try {
      now = FileMeta.read(p);
    } catch (IOException e) {
      problems.add(new Problem(hostPath, "cannot be read: " + e.getMessage()));
      return;
    }
    if (now.isEmpty()) {
      problems.add(
          new Problem(
              hostPath,
              "missing: watchdog-menu installed it (apply "
                  + installed.applyId()
                  + ") but it is gone; enable the feature again, or undo"));
      return;
    }
    FileMeta m = now.get();
    if (!m.sha256().equals(c.sha256())) {
      problems.add(
          new Problem(
              hostPath,
              "edited by hand since apply "
                  + installed.applyId()
                  + ": it differs from what watchdog-menu wrote"));
    }
    if (!m.mode().equals(c.mode())) {
      problems.add(
          new Problem(hostPath, "mode changed: it is " + m.mode() + ", should be " + c.mode()));
    }
    if (!m.owner().equals(c.owner()) || !m.group().equals(c.group())) {
      problems.add(
          new Problem(
              hostPath,
              "owner changed: it is "
                  + m.owner()
                  + ":"
                  + m.group()
                  + ", should be "
                  + c.owner()
                  + ":"
                  + c.group()));
    }
    try {
      FileWrite current =
          new FileWrite(
              hostPath,
              Files.readAllBytes(p),
              c.fileKind(),
              m.mode(),
              m.owner(),
              m.group(),
              c.feature(),
              c.logs(),
              false);
      for (String v : validators.check(current)) {
        String words = v.startsWith(hostPath + ": ") ? v.substring(hostPath.length() + 2) : v;
        problems.add(new Problem(hostPath, "fails validation: " + words));
      }
    } catch (IOException e) {
      problems.add(new Problem(hostPath, "cannot be read: " + e.getMessage()));
    }
  }
}
