package org.watchdogmenu.model;

import java.util.List;
import java.util.Optional;

/**
 * An app of a pm2 daemon: restart → resurrect → start from the ecosystem file, as the daemon's
 * user.
 *
 * @param app the app name
 * @param user whose pm2 daemon (null: root's)
 * @param ecosystem the ecosystem file for the last level ({@code pm2 start FILE --only APP})
 * @param env the environment given to {@code --env} when starting from the ecosystem file (default
 *     {@code production})
 * @param pm2 the pm2 executable (default {@code pm2})
 */
public record Pm2Service(
    String app,
    String user,
    String ecosystem,
    String env,
    String pm2,
    List<List<String>> recovery,
    KillStuckSpec killStuck)
    implements ServiceSpec {

  public Pm2Service {
    recovery = ServiceParts.levels(recovery);
    env = env == null ? "production" : env;
    pm2 = pm2 == null ? "pm2" : pm2;
  }

  /** An app of {@code user}'s pm2, without an ecosystem file or further levels. */
  public Pm2Service(String app, String user) {
    this(app, user, null, null, null, List.of(), null);
  }

  @Override
  public ServiceKind kind() {
    return ServiceKind.PM2;
  }

  @Override
  public Optional<String> account() {
    return ServiceParts.account(user);
  }

  @Override
  public String describe() {
    return "pm2 app " + app + (user == null ? "" : " of " + user);
  }

  @Override
  public <R> R match(Cases<R> cases) {
    return cases.pm2(this);
  }
}
