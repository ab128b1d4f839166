package org.watchdogmenu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogSystem;
import org.watchdogmenu.catalog.Problem;
import org.watchdogmenu.catalog.ProgramTrust;
import org.watchdogmenu.catalog.Role;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code list}: systems, their roles and every target, and files that did not load. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists systems, roles and targets (shipped and the site's own), and broken files.",
      "A target file that does not load, or that root cannot trust, is named with the reason."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  watchdog-menu list", "  watchdog-menu list --json"})
final class ListCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Catalog catalog = top.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(toJson(catalog)));
    } else {
      printText(out, catalog);
    }
    return catalog.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static void printText(PrintWriter out, Catalog catalog) {
    Map<String, List<String>> warnings = warnings(catalog);
    Set<String> roleTargets =
        catalog.systems().stream()
            .flatMap(s -> s.roles().stream())
            .map(Role::targetId)
            .collect(Collectors.toSet());
    String format = "  %-28s %-22s %s%n";
    for (CatalogSystem system : catalog.systems()) {
      out.println(system.title() + " (" + system.id() + ")");
      for (Role role : system.roles()) {
        out.printf(format, role.title(), role.targetId(), siteNote(catalog, role.targetId()));
        printWarnings(out, warnings, role.targetId());
      }
      for (String template : system.templates()) {
        out.printf(
            format,
            "template",
            template,
            "use 'extends: " + template + "' in " + Catalog.SITE_DIR + "/NAME.yaml");
      }
      for (Target t : catalog.targets()) {
        if (t.system().equals(system.id()) && !roleTargets.contains(t.id())) {
          out.printf(format, t.title(), t.id(), Engine.describe(t));
          printWarnings(out, warnings, t.id());
        }
      }
    }
    Set<String> systemIds =
        catalog.systems().stream().map(CatalogSystem::id).collect(Collectors.toSet());
    List<Target> own =
        catalog.targets().stream().filter(t -> !systemIds.contains(t.system())).toList();
    if (!own.isEmpty()) {
      out.println("Own targets");
      for (Target t : own) {
        out.printf(format, t.title(), t.id(), Engine.describe(t));
        printWarnings(out, warnings, t.id());
      }
    }
    if (!catalog.problems().isEmpty()) {
      out.println("Files that did not load:");
      catalog.problems().forEach(p -> out.println("  " + p.message()));
    }
  }

  /** Per target id, the programs root runs for it that another account can change. */
  private static Map<String, List<String>> warnings(Catalog catalog) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (Target t : catalog.targets()) {
      all.put(t.id(), ProgramTrust.warnings(t, catalog.root()));
    }
    return all;
  }

  private static void printWarnings(PrintWriter out, Map<String, List<String>> all, String id) {
    all.getOrDefault(id, List.of()).forEach(w -> out.println("      warning: " + w));
  }

  private static String siteNote(Catalog catalog, String id) {
    return catalog.hasSiteFile(id)
        ? "site settings in " + Catalog.siteFile(id)
        : "shipped defaults";
  }

  private static Map<String, Object> toJson(Catalog catalog) {
    List<Map<String, Object>> systems = new ArrayList<>();
    for (CatalogSystem s : catalog.systems()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("title", s.title());
      m.put("description", s.description());
      List<Map<String, Object>> roles = new ArrayList<>();
      s.roles()
          .forEach(
              r -> roles.add(Map.of("role", r.id(), "title", r.title(), "target", r.targetId())));
      m.put("roles", roles);
      m.put("templates", s.templates());
      systems.add(m);
    }
    Map<String, List<String>> warnings = warnings(catalog);
    List<Map<String, Object>> targets = new ArrayList<>();
    for (Target t : catalog.targets()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("title", t.title());
      m.put("system", t.system());
      m.put("role", t.role());
      m.put("service", Engine.describe(t));
      m.put("site_file", catalog.hasSiteFile(t.id()));
      m.put("warnings", warnings.get(t.id()));
      targets.add(m);
    }
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem p : catalog.problems()) {
      problems.add(Map.of("file", p.file(), "message", p.message()));
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("systems", systems);
    all.put("targets", targets);
    all.put("problems", problems);
    return all;
  }
}
