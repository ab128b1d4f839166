package org.watchdogmenu.install;

import java.util.List;
import org.watchdogmenu.os.Host;

/** Picks the validator for each kind of file. */
final class Validators {
  private final Validator cron = new CronValidator();
  private final Validator sudoers;
  private final Validator units;
  private final Validator logrotate;
  private final Validator monitorList = new MonitorListValidator();
  private final Validator alerts = new AlertsValidator();
  private final Validator target;

  Validators(Host host) {
    this.sudoers = new SudoersValidator(host.runner());
    this.units = new UnitValidator(host.runner(), host.root());
    this.logrotate = new LogrotateValidator(host.runner());
    this.target = new TargetFileValidator(host.root());
  }

  /** Each kind of file has its checker here: a new kind does not compile until it has one. */
  List<String> check(FileWrite file) {
    return switch (file.kind()) {
      case CRON -> cron.check(file);
      case SUDOERS -> sudoers.check(file);
      case UNIT, USER_UNIT, DROP_IN -> units.check(file);
      case LOGROTATE -> logrotate.check(file);
      case MONITOR_LIST -> monitorList.check(file);
      case ALERTS -> alerts.check(file);
      case TARGET -> target.check(file);
      case LINGER ->
          file.content().length == 0
              ? List.of()
              : List.of(file.path() + ": a linger file is empty");
    };
  }
}
