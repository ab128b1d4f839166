package org.watchdogmenu.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Optional;

/**
 * The service a target watches and how to restart it: one record per {@link ServiceKind}, each
 * holding only its kind's keys, read from {@code service: {kind: pm2, app: web, ...}}. Every kind
 * takes {@code recovery} (further levels, each an argv, tried in order after the kind's own) and
 * {@code kill_stuck} (a level that kills the stuck process tree, then restarts).
 *
 * <p>Code that depends on the kind asks {@link #match} with a {@link Cases}: one method per kind,
 * so a new kind does not compile until every such place handles it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SystemdService.class, name = "systemd"),
  @JsonSubTypes.Type(value = SystemdUserService.class, name = "systemd-user"),
  @JsonSubTypes.Type(value = Pm2Service.class, name = "pm2"),
  @JsonSubTypes.Type(value = DockerService.class, name = "docker"),
  @JsonSubTypes.Type(value = CommandService.class, name = "command")
})
public sealed interface ServiceSpec
    permits SystemdService, SystemdUserService, Pm2Service, DockerService, CommandService {

  /** The kind, as written in {@code service.kind}. */
  ServiceKind kind();

  /** Further levels, each an argv, tried in order after the kind's own levels. */
  List<List<String>> recovery();

  /** The level that kills the stuck process tree before the kind's restart, or null for none. */
  KillStuckSpec killStuck();

  /**
   * The account the service runs as, where its kind names one (systemd-user, pm2 and command);
   * empty when root runs it or the kind has no account of its own.
   */
  default Optional<String> account() {
    return Optional.empty();
  }

  /** The unit of the systemd kinds; empty for the others. */
  default Optional<String> systemdUnit() {
    return Optional.empty();
  }

  /** The service in words: {@code systemd web.service}, {@code pm2 app api of ubuntu}. */
  String describe();

  /** The answer of {@code cases} for this service's kind. */
  <R> R match(Cases<R> cases);

  /** What to do for each kind of service; {@link #match} calls the one for its kind. */
  interface Cases<R> {
    R systemd(SystemdService s);

    R systemdUser(SystemdUserService s);

    R pm2(Pm2Service s);

    R docker(DockerService s);

    R command(CommandService s);
  }
}
