package org.watchdogmenu.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.watchdogmenu.apply.Owned.Item;
import org.watchdogmenu.apply.Owned.Kind;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.catalog.TargetFiles;
import org.watchdogmenu.install.DesiredPlans;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.install.SudoersRequest;
import org.watchdogmenu.install.UserUnitRequest;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;

/**
 * Turns a desired state into one {@link Plan} made of the single commands' plans (so the same
 * renderers, validators, backups and manifest apply), plus the removal of what the last apply asked
 * for and this file no longer does ({@link Owned}). Reads the host, writes nothing.
 */
final class ApplyPlanner {
  static final String SITE_HEADER =
      "# Managed by watchdog-menu apply: the settings of this target come from the applied file;\n"
          + "# a change made here is undone by the next apply.\n";

  /** The plan, and the record of what the file owns once it is applied. */
  record Planned(Plan plan, Owned owned) {}

  private final HostRoot root;
  private final DesiredState wanted;
  private final Owned owned;
  private final DesiredPlans plans;
  private final Planner planner;
  private final FileLines lines;
  private final List<Plan> parts = new ArrayList<>();
  private final List<Item> next = new ArrayList<>();
  private Catalog catalog;

  ApplyPlanner(Host host, DesiredState wanted, Owned owned) {
    this.root = host.root();
    this.wanted = wanted;
    this.owned = owned;
    this.plans = new DesiredPlans(host);
    this.planner = plans.planner();
    this.lines = wanted.lines();
  }

  /**
   * @param action the plan's title after {@code watchdog-menu}, e.g. {@code apply host.yaml}
   * @throws ApplyFileException one line naming the file's line and key
   */
  Planned plan(String action) {
    targets();
    schedules();
    monitor();
    channels();
    sudoers();
    linger();
    units();
    Plan plan;
    try {
      plan = plans.combine(action, parts);
    } catch (InstallException e) {
      throw new ApplyFileException(lines.file() + ": " + e.getMessage());
    }
    return new Planned(plan, new Owned(Set.copyOf(next)));
  }

  /** Owned items of a kind the file's section (absent) leaves alone: they stay owned. */
  private void keep(Kind kind) {
    next.addAll(owned.of(kind));
  }

  private void targets() {
    Map<String, Optional<String>> asIf = new LinkedHashMap<>();
    Map<String, ObjectNode> want = wanted.targets().orElse(Map.of());
    if (wanted.targets().isEmpty()) {
      keep(Kind.TARGET);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, ObjectNode> e : want.entrySet()) {
      String id = e.getKey();
      next.add(Item.of(Kind.TARGET, id));
      if (!sameAsOnDisk(id, e.getValue())) {
        String text = TargetFiles.wholeText(id, e.getValue(), SITE_HEADER);
        texts.put(id, text);
        asIf.put(id, Optional.of(text));
      }
    }
    List<String> gone = new ArrayList<>();
    if (wanted.targets().isPresent()) {
      for (Item i : owned.of(Kind.TARGET)) {
        String id = i.words().get(0);
        if (!want.containsKey(id)) {
          gone.add(id);
          asIf.put(id, Optional.empty());
        }
      }
    }
    catalog = Catalog.loadAsIf(root, asIf);
    Catalog before = Catalog.load(root);
    for (String id : want.keySet()) {
      List<Object> at = List.of("targets", id);
      try {
        catalog.target(id);
      } catch (CatalogException e) {
        throw lines.problem(at, e.getMessage());
      }
    }
    catalog.problems().stream()
        .filter(p -> !before.problems().contains(p))
        .findFirst()
        .ifPresent(
            p -> {
              throw lines.problem(List.of("targets"), p.message());
            });
    TargetFiles files = new TargetFiles(catalog);
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String id = e.getKey();
      List<Object> at = List.of("targets", id);
      part(at, () -> planner.targetFile(files.whole(id, want.get(id), SITE_HEADER)));
    }
    for (String id : gone) {
      part(List.of("targets"), () -> plans.removeSiteTarget(id));
    }
  }

  /** Whether the site file on disk already holds exactly these keys (whatever its comments). */
  private boolean sameAsOnDisk(String id, ObjectNode keys) {
    try {
      byte[] bytes =
          SafeRead.owned(root.resolve(Catalog.siteFile(id)), SafeRead.CONFIG_CAP, "target file");
      JsonNode now = Yaml.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      ObjectNode want = keys.objectNode().put("id", id);
      want.setAll(keys);
      return want.equals(now);
    } catch (IOException | RuntimeException e) {
      return false; // none, or one that cannot be read: written anew (the catalog reads it back)
    }
  }

  private Target target(String id, List<Object> at) {
    try {
      return catalog.target(id);
    } catch (CatalogException e) {
      throw lines.problem(at, e.getMessage());
    }
  }

  private void schedules() {
    if (wanted.schedules().isEmpty()) {
      keep(Kind.SCHEDULE);
      return;
    }
    Map<String, Map<Feature, Schedule>> want = wanted.schedules().get();
    for (Map.Entry<String, Map<Feature, Schedule>> e : want.entrySet()) {
      String id = e.getKey();
      Target t = target(id, List.of("schedules", id));
      for (Map.Entry<Feature, Schedule> f : e.getValue().entrySet()) {
        next.add(Item.of(Kind.SCHEDULE, id, f.getKey().key()));
        String key =
            f.getKey() == Feature.HEALTH
                ? "health"
                : f.getValue() instanceof Schedule.DailyAt ? "restart_at" : "restart";
        part(List.of("schedules", id, key), () -> planner.enable(t, f.getKey(), f.getValue()));
      }
    }
    for (Item i : owned.of(Kind.SCHEDULE)) {
      if (i.words().size() != 2) {
        continue;
      }
      String id = i.words().get(0);
      Feature feature = i.words().get(1).equals("health") ? Feature.HEALTH : Feature.RESTART;
      if (!want.getOrDefault(id, Map.of()).containsKey(feature) && planner.hasSchedules(id)) {
        part(List.of("schedules"), () -> planner.disable(id, Set.of(feature)));
      }
    }
  }

  private void monitor() {
    if (wanted.monitor().isEmpty()) {
      keep(Kind.MONITOR);
      return;
    }
    List<String> want = wanted.monitor().get();
    for (int i = 0; i < want.size(); i++) {
      target(want.get(i), List.of("monitor", i));
      next.add(Item.of(Kind.MONITOR, want.get(i)));
    }
    MonitorList now;
    try {
      now = MonitorList.read(root);
    } catch (ConfigException e) {
      throw lines.problem(
          List.of("monitor"), e.getMessage() + ": fix it or remove it, then apply again");
    }
    MonitorList list = now;
    for (Item i : owned.of(Kind.MONITOR)) {
      if (!want.contains(i.words().get(0))) {
        list = list.without(i.words().get(0));
      }
    }
    for (String id : want) {
      if (!list.contains(id)) {
        list = list.with(id);
      }
    }
    if (!list.equals(now)) {
      MonitorList result = list;
      part(List.of("monitor"), () -> plans.monitorList(result));
    }
  }

  private void channels() {
    if (wanted.channels().isEmpty()) {
      keep(Kind.CHANNEL);
      return;
    }
    List<ObjectNode> want = wanted.channels().get();
    Map<String, ObjectNode> byName = new LinkedHashMap<>();
    want.forEach(c -> byName.put(c.get("name").asText(), c));
    byName.keySet().forEach(n -> next.add(Item.of(Kind.CHANNEL, n)));
    Optional<String> text;
    try {
      text =
          AlertsText.with(
              root,
              byName,
              owned.of(Kind.CHANNEL).stream().map(i -> String.join(" ", i.words())).toList());
    } catch (ApplyFileException e) {
      throw lines.problem(List.of("alerts"), e.getMessage());
    }
    text.ifPresent(t -> part(List.of("alerts", "channels"), () -> plans.alertsFile(t)));
  }

  private void sudoers() {
    if (wanted.sudoers().isEmpty()) {
      keep(Kind.SUDOERS);
      return;
    }
    List<String> names = new ArrayList<>();
    for (DesiredState.Sudoers s : wanted.sudoers().get()) {
      List<Object> at = List.of("sudoers", s.index());
      List<Target> targets = new ArrayList<>();
      for (int i = 0; i < s.targets().size(); i++) {
        targets.add(target(s.targets().get(i), List.of("sudoers", s.index(), "targets", i)));
      }
      SudoersRequest request;
      try {
        request =
            new SudoersRequest(
                s.user(),
                s.name().orElse(null),
                targets,
                s.commands().stream().map(SudoersRequest::command).toList());
      } catch (InstallException e) {
        throw lines.problem(at, e.getMessage());
      }
      if (names.contains(request.name())) {
        throw lines.problem(at, "two entries write " + request.name() + ": give each its own name");
      }
      names.add(request.name());
      next.add(Item.of(Kind.SUDOERS, request.name()));
      part(at, () -> planner.sudoers(request, false));
    }
    for (Item i : owned.of(Kind.SUDOERS)) {
      if (!names.contains(i.words().get(0))) {
        part(List.of("sudoers"), () -> plans.removeSudoers(i.words().get(0)));
      }
    }
  }

  private void linger() {
    if (wanted.linger().isEmpty()) {
      keep(Kind.LINGER);
      return;
    }
    List<String> want = wanted.linger().get();
    for (int i = 0; i < want.size(); i++) {
      String user = want.get(i);
      next.add(Item.of(Kind.LINGER, user));
      part(List.of("linger", i), () -> planner.linger(user));
    }
    for (Item i : owned.of(Kind.LINGER)) {
      if (!want.contains(i.words().get(0))) {
        part(List.of("linger"), () -> planner.lingerOff(i.words().get(0)));
      }
    }
  }

  private void units() {
    Optional<DesiredState.Units> units = wanted.units();
    List<Object> at = List.of("units");
    // monitor service
    Optional<Boolean> monitor = units.flatMap(DesiredState.Units::monitor);
    if (monitor.isEmpty()) {
      keep(Kind.MONITOR_SERVICE);
    } else if (monitor.get()) {
      next.add(Item.of(Kind.MONITOR_SERVICE));
      filesFirst(path(at, "monitor"), planner::monitor);
    } else if (!owned.of(Kind.MONITOR_SERVICE).isEmpty()) {
      part(path(at, "monitor"), plans::removeMonitorService);
    }
    // restart-policy drop-ins
    Optional<List<String>> policies = units.flatMap(DesiredState.Units::restartPolicies);
    if (policies.isEmpty()) {
      keep(Kind.RESTART_POLICY);
    } else {
      List<String> want = new ArrayList<>();
      for (int i = 0; i < policies.get().size(); i++) {
        String unit = normalUnit(policies.get().get(i));
        want.add(unit);
        next.add(Item.of(Kind.RESTART_POLICY, unit));
        part(List.of("units", "restart_policy", i), () -> planner.restartPolicy(unit));
      }
      for (Item i : owned.of(Kind.RESTART_POLICY)) {
        if (!want.contains(i.words().get(0))) {
          part(
              path(at, "restart_policy"),
              () -> removing(() -> planner.removeRestartPolicy(i.words().get(0))));
        }
      }
    }
    // user services of command targets
    Optional<List<String>> services = units.flatMap(DesiredState.Units::userServices);
    if (services.isEmpty()) {
      keep(Kind.USER_SERVICE);
    } else {
      List<String> want = services.get();
      for (int i = 0; i < want.size(); i++) {
        List<Object> here = List.of("units", "user_services", i);
        Target t = target(want.get(i), here);
        UserUnitRequest r;
        try {
          r = UserUnitRequest.forCommandTarget(t);
        } catch (InstallException e) {
          throw lines.problem(here, e.getMessage());
        }
        next.add(Item.of(Kind.USER_SERVICE, t.id(), r.user()));
        filesFirst(here, () -> planner.userUnit(r));
      }
      for (Item i : owned.of(Kind.USER_SERVICE)) {
        if (i.words().size() == 2 && !want.contains(i.words().get(0))) {
          part(
              path(at, "user_services"),
              () -> removing(() -> planner.removeUserUnit(i.words().get(1), i.words().get(0))));
        }
      }
    }
    // PM2 housekeeping
    Optional<List<DesiredState.Pm2>> pm2 = units.flatMap(DesiredState.Units::pm2);
    if (pm2.isEmpty()) {
      keep(Kind.PM2_HOUSEKEEPING);
    } else {
      List<String> users = new ArrayList<>();
      for (DesiredState.Pm2 p : pm2.get()) {
        users.add(p.user());
        next.add(Item.of(Kind.PM2_HOUSEKEEPING, p.user()));
        filesFirst(
            List.of("units", "pm2_housekeeping", p.index()),
            () -> planner.pm2Housekeeping(p.user(), p.appDir()));
      }
      for (Item i : owned.of(Kind.PM2_HOUSEKEEPING)) {
        if (!users.contains(i.words().get(0))) {
          part(path(at, "pm2_housekeeping"), () -> plans.removePm2Housekeeping(i.words().get(0)));
        }
      }
    }
  }

  private static String normalUnit(String unit) {
    return unit.endsWith(".service") || unit.contains(".") ? unit : unit + ".service";
  }

  /** A removal the manifest no longer knows of (removed by hand or by a command): nothing to do. */
  private Plan removing(Supplier<Plan> removal) {
    try {
      return removal.get();
    } catch (InstallException e) {
      return plans.nothing();
    }
  }

  /**
   * A unit's plan whose commands (daemon-reload, enable) only follow its files: when every file is
   * already as it would be written, nothing runs, so a second apply changes nothing.
   */
  private void filesFirst(List<Object> at, Supplier<Plan> make) {
    Plan p = planned(at, make);
    if (!p.writes().isEmpty() || !p.removals().isEmpty()) {
      parts.add(p);
    }
  }

  private void part(List<Object> at, Supplier<Plan> make) {
    parts.add(planned(at, make));
  }

  private Plan planned(List<Object> at, Supplier<Plan> make) {
    try {
      return make.get();
    } catch (InstallException | CatalogException e) {
      throw lines.problem(at, e.getMessage());
    }
  }

  private static List<Object> path(List<Object> at, Object step) {
    return ApplyFileReader.path(at, step);
  }
}
