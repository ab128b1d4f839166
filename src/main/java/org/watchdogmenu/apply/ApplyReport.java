package org.watchdogmenu.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.watchdogmenu.install.DiffLine;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.PlanCommand;
import org.watchdogmenu.install.PlanPart;

/**
 * What an apply says: the plan's files, commands and warnings, as text or as the JSON object of
 * docs/APPLY.md ({@code changed}, {@code check}, {@code files}, {@code commands}, {@code warnings},
 * {@code problems}). Diffs come from the plan's parts, where secrets are already masked.
 */
public final class ApplyReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Plan plan;
  private final List<PlanPart> parts;
  private final boolean check;
  private final boolean diffs;

  private ApplyReport(Plan plan, boolean check, boolean diffs) {
    this.plan = plan;
    this.parts = plan == null ? List.of() : plan.parts();
    this.check = check;
    this.diffs = diffs;
  }

  /**
   * The report of a plan as it is before it is applied (each file's action and diff against what is
   * there now); made before applying, shown after.
   *
   * @param plan null when there is none (a bad file)
   */
  public static ApplyReport of(Plan plan, boolean check, boolean diffs) {
    return new ApplyReport(plan, check, diffs);
  }

  /** The JSON object, on one line. */
  public String json(List<String> problems) {
    return json(plan, parts, check, diffs, problems);
  }

  /** Whether the plan changes anything. */
  public boolean changed() {
    return plan != null && !plan.isEmpty();
  }

  /** Whether there is a plan to show (none for a bad file). */
  public boolean hasPlan() {
    return plan != null;
  }

  /** The plan in words. */
  public String text() {
    return text(parts, diffs);
  }

  /** The JSON object of a plan as it is now, on one line. */
  public static String json(Plan plan, boolean check, boolean diffs, List<String> problems) {
    return json(plan, plan == null ? List.of() : plan.parts(), check, diffs, problems);
  }

  private static String json(
      Plan plan, List<PlanPart> parts, boolean check, boolean diffs, List<String> problems) {
    ObjectNode out = JSON.createObjectNode();
    out.put("changed", plan != null && !plan.isEmpty());
    out.put("check", check);
    ArrayNode files = out.putArray("files");
    ArrayNode commands = out.putArray("commands");
    ArrayNode warnings = out.putArray("warnings");
    if (plan != null) {
      for (PlanPart part : parts) {
        if (part instanceof PlanPart.FileChange f) {
          ObjectNode file = files.addObject();
          file.put("path", f.path());
          file.put("action", f.change().name().toLowerCase(Locale.ROOT));
          if (diffs) {
            file.put("diff", diff(f));
          }
        } else if (part instanceof PlanPart.Commands c) {
          for (PlanCommand command : c.commands()) {
            ObjectNode o = commands.addObject();
            ArrayNode argv = o.putArray("argv");
            command.argv().forEach(argv::add);
            o.put("why", command.why());
          }
        } else if (part instanceof PlanPart.Warning w) {
          warnings.add(w.text());
        }
      }
    }
    ArrayNode p = out.putArray("problems");
    problems.forEach(p::add);
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An empty report with one problem: a bad file, or an apply that failed before a plan. */
  public static String json(boolean check, String problem) {
    return json(null, check, false, List.of(problem));
  }

  /** The plan in words, each file's diff only when {@code diffs}. */
  public static String text(Plan plan, boolean diffs) {
    return text(plan.parts(), diffs);
  }

  private static String text(List<PlanPart> parts, boolean diffs) {
    StringBuilder out = new StringBuilder();
    for (PlanPart part : parts) {
      if (part instanceof PlanPart.Title t) {
        out.append("Plan: ").append(t.command()).append('\n');
      } else if (part instanceof PlanPart.NothingToChange) {
        out.append("Nothing to change: the host is as the file asks.\n");
      } else if (part instanceof PlanPart.FileChange f) {
        out.append(diffs ? "\n" : "").append(Plan.heading(f)).append('\n');
        if (diffs) {
          out.append(diff(f));
        }
      } else if (part instanceof PlanPart.Commands c) {
        out.append('\n').append(c.heading()).append('\n');
        for (PlanCommand command : c.commands()) {
          out.append("  ").append(command.display()).append("    # ").append(command.why());
          out.append('\n');
        }
      } else if (part instanceof PlanPart.Warning w) {
        out.append("\nWARNING: ").append(w.text()).append('\n');
      } else if (part instanceof PlanPart.Confirmation c) {
        out.append("\nCONFIRMATION NEEDED: ").append(c.reason()).append('\n');
      }
    }
    return out.toString();
  }

  private static String diff(PlanPart.FileChange f) {
    return f.diff().stream()
        .map(DiffLine::text)
        .collect(Collectors.joining("\n", "", f.diff().isEmpty() ? "" : "\n"));
  }
}
