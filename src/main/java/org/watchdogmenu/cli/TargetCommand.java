package org.watchdogmenu.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.catalog.Setting;
import org.watchdogmenu.catalog.TargetFile;
import org.watchdogmenu.catalog.TargetFiles;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code target set TARGET KEY=VALUE...} and {@code target add ID KEY=VALUE...}: the menu's
 * Settings screen and "Add a target of your own" on the command line. Both write one site file
 * through a plan; a bad key or value is one line and nothing is written.
 */
@Command(
    name = "target",
    mixinStandardHelpOptions = true,
    description = {
      "Changes a target's settings, or adds a target of your own.",
      "Both write the target's site file, /etc/watchdog-menu/targets/ID.yaml, shown as a diff"
          + " first and read back by the catalog before it is written ('undo' puts back what was"
          + " there)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu target set paqet-client policy.cooldown=60s",
      "  watchdog-menu target add svc-web extends=systemd-service \\",
      "      service.unit=web.service"
    })
final class TargetCommand {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Sets keys of a target's file, /etc/watchdog-menu/targets/TARGET.yaml.",
        "KEY is written as in the file, e.g. policy.cooldown, service.user, probes.1.port (the"
            + " second probe's port); an empty VALUE takes the key away. A shipped target's file"
            + " holds only the keys you set; an existing file keeps its other keys, and its"
            + " comments where the change can be made in place."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  watchdog-menu target set waterwall-client probes.1.port=2053 \\",
        "      policy.cooldown=60s"
      })
  int set(
      @Mixin PlanOptions plan,
      @Parameters(index = "0", paramLabel = "TARGET", description = "The target id.") String id,
      @Parameters(
              index = "1..*",
              arity = "1..*",
              paramLabel = "KEY=VALUE",
              description = "A key of the target file and its new value.")
          List<String> settings) {
    return run(plan, files -> files.set(id, parse(settings)));
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a target of your own: a new /etc/watchdog-menu/targets/ID.yaml.",
        "Its keys usually start with extends=systemd-service or extends=pm2-app (a shipped"
            + " template), or service.kind=command. A list started from a template (probes) keeps"
            + " the template's items before yours."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  watchdog-menu target add svc-web extends=systemd-service \\",
        "      service.unit=web.service probes.1.type=http \\",
        "      probes.1.url=http://127.0.0.1:8000/health",
        "  watchdog-menu target add pm2-api extends=pm2-app service.app=api \\",
        "      service.user=deploy",
        "  watchdog-menu target add demo service.kind=command \\",
        "      service.user=www-data service.restart=/opt/demo/restart.sh \\",
        "      probes.0.type=tcp-listen probes.0.port=8080"
      })
  int add(
      @Mixin PlanOptions plan,
      @Parameters(index = "0", paramLabel = "ID", description = "The new target's id.") String id,
      @Parameters(
              index = "1..*",
              arity = "1..*",
              paramLabel = "KEY=VALUE",
              description = "A key of the target file and its value.")
          List<String> settings) {
    return run(plan, files -> files.add(id, parse(settings)));
  }

  private int run(PlanOptions plan, Function<TargetFiles, TargetFile> make) {
    TargetFile file;
    try {
      file = make.apply(new TargetFiles(top.catalog()));
    } catch (CatalogException e) {
      throw new InputError(spec.commandLine(), e.getMessage());
    }
    // planned first from the catalog as loaded; again under the install lock from the files then
    AtomicBoolean first = new AtomicBoolean(true);
    return PlanRun.run(
        spec,
        top,
        () -> new Planner(top.host()).targetFile(first.getAndSet(false) ? file : again(make)),
        plan.dryRun,
        plan.yes);
  }

  private TargetFile again(Function<TargetFiles, TargetFile> make) {
    try {
      return make.apply(new TargetFiles(Catalog.load(top.host().root())));
    } catch (CatalogException e) {
      throw new InstallException(e.getMessage());
    }
  }

  private static List<Setting> parse(List<String> settings) {
    return settings.stream().map(Setting::parse).toList();
  }
}
