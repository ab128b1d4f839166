package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watchdog-menu} with global options only opens the menu without picocli's model; it answers
 * as the picocli command does, and leaves anything else to it.
 */
class MenuRunTest {
  @TempDir Path root;

  @Test
  void readsGlobalOptionsOnly() {
    assertThat(MenuRun.parse()).hasValue(new MenuRun.Args(Path.of("/"), false, false));
    assertThat(MenuRun.parse("--root", "/r", "--ascii", "--no-color"))
        .hasValue(new MenuRun.Args(Path.of("/r"), true, true));
    assertThat(MenuRun.parse("--root=/r")).hasValue(new MenuRun.Args(Path.of("/r"), false, false));
  }

  @Test
  void leavesEverythingElseToPicocli() {
    assertThat(MenuRun.parse("list")).isEmpty();
    assertThat(MenuRun.parse("--help")).isEmpty();
    assertThat(MenuRun.parse("-h")).isEmpty();
    assertThat(MenuRun.parse("--version")).isEmpty();
    assertThat(MenuRun.parse("--root")).isEmpty();
    assertThat(MenuRun.parse("--root", "--ascii")).isEmpty();
    assertThat(MenuRun.parse("--ascii", "--ascii")).isEmpty();
    assertThat(MenuRun.parse("--ascii=yes")).isEmpty();
    assertThat(MenuRun.parse("--root", "/a", "--root", "/b")).isEmpty();
    assertThat(MenuRun.parse("@args")).isEmpty();
    assertThat(MenuRun.parse("")).isEmpty();
  }

  @Test
  void withoutATerminalItSaysWhatPicocliSays() {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int viaPicocli =
        WatchdogMenuCommand.commandLine(new PrintWriter(o, true), new PrintWriter(e, true))
            .execute("--root", root.toString(), "--ascii");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int direct =
        WatchdogMenuCommand.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "--root",
            root.toString(),
            "--ascii");
    assertThat(direct).isEqualTo(viaPicocli).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(e.toString()).isNotEmpty();
    assertThat(out.toString()).isEqualTo(o.toString()).isEmpty();
  }

  @Test
  void aRootThatIsNoFolderIsLeftToPicocli() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String missing = root.resolve("missing").toString();
    int exit =
        WatchdogMenuCommand.run(
            new PrintWriter(out, true), new PrintWriter(err, true), "--root", missing);
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("--root " + missing + " is not a folder: create it or name an existing one");
  }
}
