package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A private tmux server (its own socket) with one session running a command. */
final class Tmux implements AutoCloseable {
  private final String socket;
  private final String session;

  Tmux(String name, int columns, int rows, String command) throws Exception {
    this.socket = "wdm-" + name + "-" + ProcessHandle.current().pid();
    this.session = name;
    run(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        String.valueOf(columns),
        "-y",
        String.valueOf(rows),
        command);
    run("set-option", "-t", session, "remain-on-exit", "on");
  }

  /** Sends keys by tmux's names: {@code 1}, {@code Enter}, {@code Escape}, {@code y}. */
  void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    run(args.toArray(String[]::new));
  }

  String screen() throws Exception {
    return run("capture-pane", "-p", "-t", session);
  }

  /** Waits until the screen shows what is asked (at most {@code millis}); returns the screen. */
  String await(Predicate<String> shown, long millis, String what) throws Exception {
    long until = System.currentTimeMillis() + millis;
    String s = screen();
    while (!(shown.test(s) && s.equals(settled(s))) && System.currentTimeMillis() < until) {
      Thread.sleep(20);
      s = screen();
    }
    assertThat(shown.test(s)).as(what + " on the screen:\n" + s).isTrue();
    return s;
  }

  /**
   * The screen a moment after {@code s} was read: the same text when the menu had finished drawing
   * that frame, something else when {@code s} was caught half-drawn.
   */
  private String settled(String s) throws Exception {
    Thread.sleep(60);
    return screen();
  }

  String await(String text, long millis) throws Exception {
    return await(s -> s.contains(text), millis, "'" + text + "'");
  }

  /** Whether the program in the session has ended. */
  boolean ended() throws Exception {
    return run("display-message", "-p", "-t", session, "#{pane_dead}").strip().equals("1");
  }

  String run(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + out).isZero();
    return out;
  }

  @Override
  public void close() throws Exception {
    new ProcessBuilder("tmux", "-L", socket, "kill-server").start().waitFor(20, TimeUnit.SECONDS);
  }
}
