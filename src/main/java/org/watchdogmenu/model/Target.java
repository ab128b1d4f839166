package org.watchdogmenu.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One watched thing: a service, the probes that say it is healthy, and the policy that guards its
 * restarts.
 *
 * @param system the catalog system it belongs to ({@code paqet}, {@code camera}, {@code pm2}, ...),
 *     used in the names of generated files; {@code custom} for an operator's own target
 * @param role the role inside the system ({@code server}, {@code client}), or null
 */
public record Target(
    String id,
    String title,
    String system,
    String role,
    @JsonProperty("extends") String extendsId,
    ServiceSpec service,
    List<ProbeSpec> probes,
    Policy policy,
    TargetPaths paths) {

  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public Target {
    probes = probes == null ? List.of() : List.copyOf(probes);
    policy = policy == null ? Policy.DEFAULTS : policy;
    system = system == null ? "custom" : system;
    title = title == null ? id : title;
    if (id != null) {
      paths = (paths == null ? new TargetPaths(null, null, null) : paths).orDefaultsFor(id);
    }
  }

  /** Whether {@code text} may name a target: lower-case letters, digits and dashes, at most 63. */
  public static boolean isValidId(String text) {
    return text != null && ID.matcher(text).matches();
  }
}
