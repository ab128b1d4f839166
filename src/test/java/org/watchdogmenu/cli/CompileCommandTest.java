package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.OneTarget;
import org.watchdogmenu.os.HostRoot;

/**
 * {@code compile TARGET...}, what the monitor runs in a child process: it keeps the compiled form
 * of each target that loads, the same form a check would keep, and names the others.
 */
class CompileCommandTest {
  @TempDir Path dir;

  @Test
  void compilesWhatLoadsAndNamesWhatDoesNot() throws Exception {
    Path targets = Files.createDirectories(dir.resolve("etc/watchdog-menu/targets"));
    Files.writeString(
        targets.resolve("web.yaml"),
        "id: web\nservice: {kind: command, restart: [/bin/true]}\npolicy: {interval: 7s}\n");
    Files.writeString(targets.resolve("bad.yaml"), "id: bad\ncolour: red\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        WatchdogMenuCommand.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "--root",
            dir.toString(),
            "compile",
            "web",
            "bad",
            "nope");

    assertThat(exit).isEqualTo(ExitCodes.FAILURE);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "bad: not compiled: 'watchdog-menu doctor' names what is wrong",
            "nope: not compiled: 'watchdog-menu doctor' names what is wrong");
    HostRoot root = new HostRoot(dir);
    assertThat(OneTarget.compiled(root, "web"))
        .hasValueSatisfying(
            one ->
                assertThat(one.target())
                    .isEqualTo(OneTarget.load(root, "web", false).orElseThrow().target()));
    assertThat(OneTarget.compiled(root, "bad")).isEmpty();
  }
}
