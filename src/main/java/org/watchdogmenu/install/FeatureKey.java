package org.watchdogmenu.install;

import java.util.Optional;

/**
 * What a file the installer writes belongs to: a target's scheduled health check, the
 * restart-policy drop-in of a unit, a user's unit, linger... The one key that the renderers put in
 * the manifest and that every reader of installed state asks about, so what the menu says is
 * installed and what was written cannot differ. Each kind is made by its factory, which checks and
 * normalizes its names the way the renderers do ({@code paqet-client} and {@code
 * paqet-client.service} are one unit).
 *
 * <p>{@link #key()} is the text the manifest stores, e.g. {@code paqet-server/health}, {@code
 * restart-policy/paqet-client.service}, {@code user-unit/satinder/camera-platform.service}; {@link
 * #stored} reads it back, old manifests included.
 */
public sealed interface FeatureKey {
  /** The text stored in the manifest. */
  String key();

  /** A target's health check or scheduled restart (a cron file): {@code ID/health}. */
  record Scheduled(String target, Feature feature) implements FeatureKey {
    @Override
    public String key() {
      return target + "/" + feature.key();
    }
  }

  /** The restart-policy drop-in of a system unit: {@code restart-policy/UNIT.service}. */
  record RestartPolicy(String unit) implements FeatureKey {
    static final String PREFIX = "restart-policy/";

    @Override
    public String key() {
      return PREFIX + unit;
    }
  }

  /** A user's systemd unit: {@code user-unit/USER/NAME.service}. */
  record UserUnit(String user, String unit) implements FeatureKey {
    static final String PREFIX = "user-unit/";

    @Override
    public String key() {
      return PREFIX + user + "/" + unit;
    }
  }

  /** A user's PM2 housekeeping cron file: {@code pm2-housekeeping/USER}. */
  record Pm2Jobs(String user) implements FeatureKey {
    static final String PREFIX = "pm2-housekeeping/";

    @Override
    public String key() {
      return PREFIX + user;
    }
  }

  /** A sudoers.d file: {@code sudoers/NAME}. */
  record SudoersFile(String name) implements FeatureKey {
    static final String PREFIX = "sudoers/";

    @Override
    public String key() {
      return PREFIX + name;
    }
  }

  /** The linger file of a user (where systemd does not run): {@code linger/USER}. */
  record LingerFile(String user) implements FeatureKey {
    static final String PREFIX = "linger/";

    @Override
    public String key() {
      return PREFIX + user;
    }
  }

  /** A site target file: {@code target/ID}. */
  record SiteTarget(String id) implements FeatureKey {
    static final String PREFIX = "target/";

    @Override
    public String key() {
      return PREFIX + id;
    }
  }

  /** A file the tool has one of: the alert unit, the monitor's unit and list, alerts.yaml... */
  enum Single implements FeatureKey {
    ALERT_UNIT("alert-unit"),
    MONITOR_UNIT("monitor"),
    MONITOR_LIST("monitor-list"),
    ALERTS("alerts"),
    LOGROTATE("logrotate");

    private final String key;

    Single(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }
  }

  /** A key this version does not know (a newer manifest): kept as it is, matched by its text. */
  record Other(String key) implements FeatureKey {}

  static FeatureKey scheduled(String targetId, Feature feature) {
    return new Scheduled(targetId, feature);
  }

  /** The drop-in of a unit; {@code foo} is {@code foo.service}. */
  static FeatureKey restartPolicy(String unit) {
    return new RestartPolicy(Names.unit("unit", unit));
  }

  /** A user's unit; {@code foo} is {@code foo.service}. */
  static FeatureKey userUnit(String user, String unit) {
    return new UserUnit(Names.user("unit user", user), Names.unit("unit name", unit));
  }

  static FeatureKey pm2Housekeeping(String user) {
    return new Pm2Jobs(Names.user("pm2 user", user));
  }

  static FeatureKey sudoers(String fileName) {
    return new SudoersFile(fileName);
  }

  static FeatureKey linger(String user) {
    return new LingerFile(Names.user("linger user", user));
  }

  static FeatureKey target(String id) {
    return new SiteTarget(id);
  }

  /** The schedule this key is, for a file that must follow its target. */
  default Optional<Scheduled> schedule() {
    return this instanceof Scheduled s ? Optional.of(s) : Optional.empty();
  }

  /**
   * The owner a manifest entry names. The monitor's list was stored as {@code monitor}, as its unit
   * still is; the file's kind tells them apart.
   *
   * @param key the stored text; null for none
   * @param kind the file's kind as stored
   */
  static Optional<FeatureKey> stored(String key, FileKind kind) {
    if (key == null) {
      return Optional.empty();
    }
    if (key.equals(Single.MONITOR_UNIT.key()) && kind == FileKind.MONITOR_LIST) {
      return Optional.of(Single.MONITOR_LIST);
    }
    for (Single s : Single.values()) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    String[] parts = key.split("/", -1);
    if (parts.length == 3 && key.startsWith(UserUnit.PREFIX)) {
      return Optional.of(new UserUnit(parts[1], parts[2]));
    }
    if (parts.length == 2) {
      String rest = parts[1];
      switch (parts[0] + "/") {
        case RestartPolicy.PREFIX:
          return Optional.of(new RestartPolicy(rest));
        case Pm2Jobs.PREFIX:
          return Optional.of(new Pm2Jobs(rest));
        case SudoersFile.PREFIX:
          return Optional.of(new SudoersFile(rest));
        case LingerFile.PREFIX:
          return Optional.of(new LingerFile(rest));
        case SiteTarget.PREFIX:
          return Optional.of(new SiteTarget(rest));
        default:
          break;
      }
      for (Feature f : Feature.values()) {
        if (f.key().equals(rest)) {
          return Optional.of(new Scheduled(parts[0], f));
        }
      }
    }
    return Optional.of(new Other(key));
  }
}
