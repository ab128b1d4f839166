package org.watchdogmenu.os;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Another JVM for {@link CommandIsolationIT}, started under a real pseudo-terminal ({@code
 * script}), the way an operator's {@code sudo watchdog-menu} runs. As {@code args[0]} (a real
 * account) it runs a small attack that opens {@code /dev/tty} and pushes a key into it with {@code
 * TIOCSTI}: once as the old runner started commands (a plain {@code ProcessBuilder}: same session,
 * same controlling terminal), once through {@link ExecCommandRunner}. One line per finding, {@code
 * NAME<TAB>text}.
 */
public final class TerminalAttackMain {
  /** Prints its tty_nr, then tries TIOCSTI on /dev/tty and on fds 0-2; injects a space. */
  static final String ATTACK =
      String.join(
          "\n",
          "import os, fcntl, termios",
          "out = []",
          "st = open('/proc/self/stat').read()",
          "out.append('tty_nr=' + st[st.rindex(')') + 2:].split()[4])",
          "try:",
          "    fd = os.open('/dev/tty', os.O_RDWR | os.O_NOCTTY)",
          "    try:",
          "        fcntl.ioctl(fd, termios.TIOCSTI, b' ')",
          "        out.append('INJECTED via /dev/tty')",
          "    except OSError as e:",
          "        out.append('TIOCSTI on /dev/tty: ' + e.strerror)",
          "except OSError as e:",
          "    out.append('/dev/tty: ' + e.strerror)",
          "for n in (0, 1, 2):",
          "    try:",
          "        fcntl.ioctl(n, termios.TIOCSTI, b' ')",
          "        out.append('INJECTED via fd %d' % n)",
          "    except OSError as e:",
          "        out.append('fd %d: %s' % (n, e.strerror))",
          "print('; '.join(out))");

  private TerminalAttackMain() {}

  public static void main(String[] args) throws Exception {
    String user = args[0];
    ExecCommandRunner runner = new ExecCommandRunner();
    Duration t = Duration.ofSeconds(20);
    List<String> attack = List.of("runuser", "-u", user, "--", "python3", "-c", ATTACK);
    List<String> ps = List.of("runuser", "-u", user, "--", "sh", "-c", "ps -o tty= -p $$");

    print("CONTROL", plain(attack));
    print("PS_CONTROL", plain(ps));
    print(
        "RUNNER",
        runner.run(Command.of(t, "python3", "-c", ATTACK).asUser(user, "root").inDirectory("/")));
    print(
        "PS_RUNNER",
        runner.run(
            Command.of(t, "sh", "-c", "ps -o tty= -p $$").asUser(user, "root").inDirectory("/")));
    print("ENV_USER", runner.run(Command.of(t, "env").asUser(user, "root").inDirectory("/")));
    print("ENV_ROOT", runner.run(Command.of(t, "env")));
    System.out.flush();
  }

  /** As the old runner did: the child shares the JVM's session and terminal. */
  private static String plain(List<String> argv) throws Exception {
    Process p =
        new ProcessBuilder(argv)
            .directory(new File("/"))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static void print(String name, CommandResult r) {
    print(
        name, r.outcome() == CommandResult.Outcome.EXITED ? r.stdout() + r.stderr() : r.summary());
  }

  private static void print(String name, String text) {
    System.out.println(name + "\t" + ControlChars.escape(text.strip()));
  }
}
