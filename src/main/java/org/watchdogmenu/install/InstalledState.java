package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.HostRoot;

/**
 * What watchdog-menu installed on a host, read back from its manifest in the terms of the commands
 * that install it: restart-policy drop-ins, user services, PM2 housekeeping, the monitor's service
 * and sudoers grants. Files it did not write are not listed.
 */
public final class InstalledState {
  private static final Pattern RULE =
      Pattern.compile("(%?[A-Za-z_][A-Za-z0-9_.-]*) ALL=\\(root\\) NOPASSWD: (\\S.*)");
  private static final String PM2_LOG = "/.runtime/logs/cron.log";

  /** A user service of a command target: its user and unit ({@code ID.service}). */
  public record UserService(String user, String unit) {}

  /** PM2 housekeeping of a user for an app folder. */
  public record Pm2Jobs(String user, String appDir) {}

  /**
   * A sudoers.d file watchdog-menu wrote, as the {@code sudoers} command's request: the targets it
   * grants and the extra commands (each a command line).
   */
  public record Grant(String user, String name, List<String> targets, List<String> commands) {}

  private final HostRoot root;
  private final Manifest manifest;

  public InstalledState(HostRoot root) {
    this.root = root;
    this.manifest = new ManifestStore(root).load();
  }

  private List<FeatureKey> keys() {
    Set<FeatureKey> keys = new LinkedHashSet<>();
    manifest.installed().values().forEach(i -> i.change().featureKey().ifPresent(keys::add));
    return List.copyOf(keys);
  }

  /** Units with a restart-policy drop-in of ours, sorted. */
  public List<String> restartPolicies() {
    TreeSet<String> units = new TreeSet<>();
    keys()
        .forEach(
            k -> {
              if (k instanceof FeatureKey.RestartPolicy r) {
                units.add(r.unit());
              }
            });
    return List.copyOf(units);
  }

  /** User services of ours. */
  public List<UserService> userServices() {
    List<UserService> all = new ArrayList<>();
    keys()
        .forEach(
            k -> {
              if (k instanceof FeatureKey.UserUnit u) {
                all.add(new UserService(u.user(), u.unit()));
              }
            });
    return all;
  }

  /** PM2 housekeeping files of ours, with the app folder their jobs clean. */
  public List<Pm2Jobs> pm2Housekeeping() {
    List<Pm2Jobs> all = new ArrayList<>();
    for (Manifest.Installed i : manifest.installed().values()) {
      if (i.change().featureKey().orElse(null) instanceof FeatureKey.Pm2Jobs p) {
        i.change().logs().stream()
            .filter(log -> log.endsWith(PM2_LOG))
            .findFirst()
            .ifPresent(
                log ->
                    all.add(
                        new Pm2Jobs(p.user(), log.substring(0, log.length() - PM2_LOG.length()))));
      }
    }
    return all;
  }

  /** Whether the monitor's service unit is ours. */
  public boolean monitorService() {
    return keys().contains(FeatureKey.Single.MONITOR_UNIT);
  }

  /**
   * The sudoers files of ours, each read back as a request: the targets whose {@code check} it
   * grants (known to {@code targets}), and the commands it grants beyond what those targets give. A
   * file with lines watchdog-menu does not write is left out.
   */
  public List<Grant> sudoers(Function<String, Optional<Target>> targets) {
    List<Grant> all = new ArrayList<>();
    String engine = new CronRenderer(root).engine();
    for (FeatureKey k : keys()) {
      if (!(k instanceof FeatureKey.SudoersFile f)) {
        continue;
      }
      Path file = root.resolve(InstallPaths.SUDOERS_DIR + f.name());
      String text;
      try {
        text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        continue;
      }
      String user = null;
      List<List<String>> granted = new ArrayList<>();
      boolean plain = true;
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Matcher m = RULE.matcher(line);
        if (!m.matches() || (user != null && !user.equals(m.group(1)))) {
          plain = false;
          break;
        }
        user = m.group(1);
        granted.add(SudoersGrants.argv(m.group(2)));
      }
      if (!plain || user == null) {
        continue;
      }
      List<Target> ts = new ArrayList<>();
      for (List<String> argv : granted) {
        int n = argv.size();
        if (n >= 3 && argv.get(n - 2).equals("check")) {
          targets.apply(argv.get(n - 1)).ifPresent(ts::add);
        }
      }
      Set<List<String>> given = new LinkedHashSet<>();
      if (!ts.isEmpty()) {
        given.addAll(
            SudoersRenderer.commands(new SudoersRequest(user, f.name(), ts, List.of()), engine));
      }
      List<String> extra =
          granted.stream()
              .filter(argv -> !given.contains(argv))
              .map(argv -> String.join(" ", argv))
              .toList();
      all.add(new Grant(user, f.name(), ts.stream().map(Target::id).toList(), extra));
    }
    return all;
  }
}
