package org.watchdogmenu;

import java.io.PrintWriter;
import org.watchdogmenu.cli.WatchdogMenuCommand;

/** Entry point: runs the command line and exits with its code. The only place that exits. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(WatchdogMenuCommand.run(out, err, args));
  }
}
