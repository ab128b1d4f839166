package org.watchdogmenu.apply;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.YamlFile;

/**
 * A desired-state file made into a plan for this host ({@code watchdog-menu apply FILE}): read and
 * checked ({@link ApplyFileReader}), planned with the single commands' planners ({@link
 * ApplyPlanner}), and, once the plan is applied, the record of what the file owns ({@link Owned}).
 */
public final class Apply {
  private final DesiredState wanted;
  private final String action;

  private Apply(DesiredState wanted, String action) {
    this.wanted = wanted;
    this.action = action;
  }

  /**
   * Reads a desired-state file: the operator's file, which decides what root writes, so it is read
   * like every such file (root's, not writable by others, in a folder only root can change).
   *
   * @throws ApplyFileException one line
   */
  public static String readFile(Path file) {
    try {
      byte[] bytes = SafeRead.owned(file, SafeRead.CONFIG_CAP, "apply file");
      return YamlFile.utf8(bytes)
          .orElseThrow(
              () -> new ApplyFileException(file + ": is not UTF-8 text: save it as UTF-8"));
    } catch (NoSuchFileException e) {
      throw new ApplyFileException(file + ": no such file: give the path of the file to apply");
    } catch (IOException e) {
      throw new ApplyFileException(e.getMessage());
    }
  }

  /**
   * The file's text read and checked, its secrets taken from {@code env} and the secrets file.
   *
   * @param name the file as messages name it
   * @throws ApplyFileException one line naming the file, the line, the key and what to do
   */
  public static Apply of(
      String name, String text, Map<String, String> env, Optional<Path> secretsFile) {
    Secrets secrets =
        secretsFile.map(f -> Secrets.withFile(env, f)).orElseGet(() -> Secrets.ofEnvironment(env));
    return new Apply(ApplyFileReader.read(name, text, secrets), "apply " + name);
  }

  /** What applying the file to this host now would do, and the record it leaves. */
  public final class Planned {
    private final ApplyPlanner.Planned planned;
    private final Host host;

    private Planned(Host host, ApplyPlanner.Planned planned) {
      this.host = host;
      this.planned = planned;
    }

    public Plan plan() {
      return planned.plan();
    }

    /**
     * Records what the file owns now that its plan is applied (rewritten only when it changes).
     *
     * @throws IOException when the record cannot be written
     */
    public void record() throws IOException {
      planned.owned().save(host.root());
    }
  }

  /**
   * The plan for this host as it is now.
   *
   * @throws ApplyFileException one line: something the file asks for is not possible here (an
   *     unknown target, a user that does not exist, a site file the catalog refuses)
   */
  public Planned plan(Host host) {
    Owned owned = Owned.read(host.root());
    return new Planned(host, new ApplyPlanner(host, wanted, owned).plan(action));
  }
}
