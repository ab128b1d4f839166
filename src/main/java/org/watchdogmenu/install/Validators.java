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

  List<String> check(FileWrite file) {
    switch (file.kind()) {
      case CRON:
        return cron.check(file);
      case SUDOERS:
        return sudoers.check(file);
      case UNIT:
      case USER_UNIT:
      case DROP_IN:
        return units.check(file);
      case LOGROTATE:
        return logrotate.check(file);
      case MONITOR_LIST:
        return monitorList.check(file);
      case ALERTS:
        return alerts.check(file);
      case TARGET:
        return target.check(file);
      default:
        return file.content().length == 0
            ? List.of()
            : List.of(file.path() + ": a linger file is empty");
    }
  }
}
