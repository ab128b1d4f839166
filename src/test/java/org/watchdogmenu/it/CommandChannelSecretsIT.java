package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command channel's secret through the real jar: given with {@code --env} on standard input, it
 * is written to alerts.yaml (0600) and nowhere else, never printed, and while {@code alert --test}
 * runs the real command it is in no process's command line (read from /proc/PID/cmdline), yet the
 * command gets it in its environment.
 */
class CommandChannelSecretsIT {
  private static final String SECRET = "s3cr3t-t0ken-" + Long.toString(System.nanoTime(), 36);

  @TempDir Path dir;
  private Sandbox sandbox;
  private Path received;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    received = dir.resolve("received.txt");
  }

  /** The jar with this text on its standard input. */
  private Jar.Run run(String stdin, String... args) throws Exception {
    Path in = Files.writeString(dir.resolve("stdin.txt"), stdin);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(Jar.command(sandbox.root, args))
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Jar.Run(p.exitValue(), Files.readString(out), Files.readString(err), 0);
  }

  @Test
  void theSecretGoesToTheEnvironmentAndIsNeverShownOrInAnyCommandLine() throws Exception {
    String command =
        "/bin/sh -c 'sleep 2; printf %s \"$TOKEN\" > \"$1\"' sh " + received + " '{message}'";
    Jar.Run add =
        run(
            SECRET + "\n",
            "alert",
            "add-channel",
            "notify",
            "--command",
            command,
            "--env",
            "TOKEN");
    assertThat(add.exit()).as(add.out() + add.err()).isZero();
    assertThat(add.out())
        .contains("alert add-channel notify --command", "--env TOKEN", "+      TOKEN: ****")
        .doesNotContain(SECRET);
    assertThat(add.err()).doesNotContain(SECRET);
    Path alerts = sandbox.path("/etc/watchdog-menu/alerts.yaml");
    assertThat(Files.readString(alerts)).contains("TOKEN: " + SECRET);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alerts)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(sandbox.path("/var/lib/watchdog-menu/manifest.json")))
        .contains("add-channel notify")
        .doesNotContain(SECRET);

    Process control = new ProcessBuilder("/bin/sh", "-c", "sleep 2", "sh", SECRET).start();
    assertThat(commandLines())
        .as("the look at /proc sees a secret in a command line")
        .anyMatch(c -> c.contains(SECRET));
    control.destroy();
    control.waitFor();

    Path out = dir.resolve("test.out");
    Process test = Jar.start(sandbox.root, out, "alert", "--test");
    List<String> withSecret = new ArrayList<>();
    List<String> ofTheChannel = new ArrayList<>();
    while (test.isAlive()) {
      for (String cmdline : commandLines()) {
        if (cmdline.contains(SECRET)) {
          withSecret.add(cmdline);
        }
        if (cmdline.contains(received.toString())) {
          ofTheChannel.add(cmdline);
        }
      }
      Thread.sleep(20);
    }
    assertThat(ofTheChannel).as("the channel's command was seen running").isNotEmpty();
    assertThat(withSecret).as("command lines that held the secret").isEmpty();
    assertThat(test.exitValue()).isZero();
    String printed =
        Files.readString(out) + Files.readString(out.resolveSibling(out.getFileName() + ".err"));
    assertThat(printed).contains("notify: delivered").doesNotContain(SECRET);
    assertThat(Files.readString(received))
        .as("the command got it in its environment")
        .isEqualTo(SECRET);
  }

  @Test
  void aSecretOnTheCommandLineIsRefusedInOneLineWithoutRepeatingIt() throws Exception {
    String before = sandbox.digest();
    String[][] cases = {
      {"--command", "/usr/local/bin/notify --token " + SECRET, "--dry-run"},
      {"--command", "/usr/bin/curl -H 'Authorization: Bearer " + SECRET + "' https://x.example"},
      {"--command", "/usr/local/bin/notify", "--env", "TOKEN=" + SECRET},
      {"--command", "/usr/local/bin/notify", "--env", "WATCHDOG_HOST"},
      {"--command", "/usr/local/bin/notify", "--env", "TOKEN"},
      {"--slack", "https://hooks.slack.com/services/T0/B0/X", "--env", "TOKEN"},
    };
    String[] starts = {
      "--command: 'command' gives a secret in its arguments (--token ****)",
      "--command: 'command' gives a secret in its arguments (Authorization: ****)",
      "--env: give only the name (TOKEN): the value is read from standard input",
      "--env: 'env' sets WATCHDOG_HOST, but watchdog-menu sets the WATCHDOG_ variables itself",
      "--env: standard input ended before the value of TOKEN",
      "--env: only a --command channel takes --env",
    };
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new ArrayList<>(List.of("alert", "add-channel", "notify"));
      args.addAll(List.of(cases[i]));
      Jar.Run r = run("", args.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", cases[i]) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip())
          .as(String.join(" ", cases[i]))
          .contains(starts[i])
          .doesNotContain(SECRET)
          .doesNotContain("\n")
          .doesNotContain("Exception");
      assertThat(r.out()).doesNotContain(SECRET);
    }
    assertThat(sandbox.digest()).isEqualTo(before);
  }

  /** The command line of every process there is now, arguments joined by blanks. */
  private static List<String> commandLines() throws IOException {
    List<String> all = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          byte[] raw = Files.readAllBytes(p.resolve("cmdline"));
          all.add(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException gone) {
          // the process ended while we looked
        }
      }
    }
    return all;
  }
}
