package org.watchdogmenu.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchdogmenu.catalog.OneTarget;
import org.watchdogmenu.os.HostRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code compile TARGET...}: keeps the compiled form of each target that loads cleanly ({@link
 * OneTarget}), for the monitor, which runs it as a child process ({@link ChildCompiler}) so that it
 * never holds the YAML parsers itself. Not listed in the help: nobody needs to run it by hand, and
 * {@code check} keeps the same forms on its own.
 */
@Command(
    name = CompileCommand.NAME,
    hidden = true,
    description = "Keeps the compiled form of each target that loads cleanly (for the monitor).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every target compiled", "1:a target did not load", "2:usage error"})
final class CompileCommand implements Callable<Integer> {
  static final String NAME = "compile";

  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "1..*", description = "Targets to compile.")
  List<String> targetIds = new ArrayList<>();

  @Override
  public Integer call() {
    HostRoot root = top.host().root();
    List<String> done = OneTarget.compile(root, targetIds);
    List<String> failed = targetIds.stream().filter(id -> !done.contains(id)).toList();
    failed.forEach(
        id ->
            spec.commandLine()
                .getErr()
                .println(id + ": not compiled: 'watchdog-menu doctor' names what is wrong"));
    return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
