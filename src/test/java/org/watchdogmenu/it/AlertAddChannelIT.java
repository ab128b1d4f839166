package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code watchdog-menu alert add-channel} through the real jar: the preview hides the address, the
 * file is 0600 root and the test alert reaches a real receiver through it; bad input is one line
 * and leaves the sandbox as it was, byte for byte.
 */
class AlertAddChannelIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private WebhookReceiver receiver;
  private Path alerts;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    receiver = new WebhookReceiver();
    alerts = sandbox.path("/etc/watchdog-menu/alerts.yaml");
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  @Test
  void aChannelIsPreviewedMaskedWrittenMode0600AndCarriesTheTestAlert() throws Exception {
    String url = receiver.url() + "?token=t0ken";
    String before = sandbox.digest();
    Jar.Run dry =
        Jar.run(sandbox.root, "alert", "add-channel", "pager", "--webhook", url, "--dry-run");
    assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
    assertThat(dry.out())
        .contains("create  /etc/watchdog-menu/alerts.yaml  (0600 root:root)")
        .contains("+    url: http://127.0.0.1:")
        .contains("alert add-channel pager --webhook 'http://127.0.0.1:")
        .contains("Dry run: nothing was changed.")
        .doesNotContain("t0ken");
    assertThat(sandbox.digest()).isEqualTo(before);

    Jar.Run add = Jar.run(sandbox.root, "alert", "add-channel", "pager", "--webhook", url);
    assertThat(add.exit()).as(add.out() + add.err()).isZero();
    assertThat(add.out()).doesNotContain("t0ken");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alerts)))
        .isEqualTo("rw-------");
    assertThat(Files.getOwner(alerts).getName()).isEqualTo("root");

    Jar.Run test = Jar.run(sandbox.root, "alert", "--test");
    assertThat(test.exit()).as(test.out() + test.err()).isZero();
    assertThat(test.out()).contains("pager: delivered");
    assertThat(receiver.received())
        .singleElement()
        .satisfies(n -> assertThat(n.path("event").asText()).isEqualTo("test"));

    Jar.Run command =
        Jar.run(
            sandbox.root,
            "alert",
            "add-channel",
            "log",
            "--command",
            "/usr/bin/logger -t watchdog-menu '{target} {event}: {message}'",
            "--timeout",
            "10s");
    assertThat(command.exit()).as(command.out() + command.err()).isZero();
    assertThat(Files.readString(alerts))
        .contains("url: " + url, "name: log", "- \"{target} {event}: {message}\"", "timeout: 10s");

    Jar.Run undo = Jar.run(sandbox.root, "undo");
    assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
    assertThat(undo.out()).doesNotContain("t0ken");
    assertThat(Files.readString(alerts)).contains("name: pager").doesNotContain("name: log");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "pager | --webhook | hooks.example.com/t0ken | 5s | --webhook: not a web address",
        "pager | --slack | https:///t0ken | 5s | --slack: the address has no host name",
        "pager | --command | logger 'x | 5s | --command: a single quote is not closed",
        "pager | --webhook | https://hooks.example.com/t0ken | 0s | --timeout: 'timeout' must be",
        "\" \" | --webhook | https://hooks.example.com/t0ken | 5s | NAME: give the channel a name",
        "taken | --webhook | https://hooks.example.com/t0ken | 5s | has a channel named 'taken'"
      })
  void badInputIsOneLineExitTwoAndChangesNothing(
      String name, String option, String value, String timeout, String phrase) throws Exception {
    Files.createDirectories(alerts.getParent());
    Files.writeString(alerts, "channels:\n  - type: command\n    name: taken\n    command: [x]\n");
    Files.setPosixFilePermissions(alerts, PosixFilePermissions.fromString("rw-------"));
    String before = sandbox.digest();

    Jar.Run run =
        Jar.run(sandbox.root, "alert", "add-channel", name, option, value, "--timeout", timeout);

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .contains(phrase)
        .doesNotContain("\n")
        .doesNotContain("t0ken")
        .doesNotContain("Exception");
    assertThat(sandbox.digest()).isEqualTo(before);
  }

  @Test
  void aChannelIsRemovedByNameOthersKeptAndUndoBringsItBack() throws Exception {
    String url = receiver.url() + "?token=t0ken";
    assertThat(Jar.run(sandbox.root, "alert", "add-channel", "pager", "--webhook", url).exit())
        .isZero();
    assertThat(
            Jar.run(sandbox.root, "alert", "add-channel", "log", "--command", "/usr/bin/true")
                .exit())
        .isZero();

    Jar.Run dry = Jar.run(sandbox.root, "alert", "remove-channel", "pager", "--dry-run");
    assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
    assertThat(dry.out())
        .contains("-    name: pager", "alert remove-channel pager")
        .doesNotContain("t0ken");
    Jar.Run remove = Jar.run(sandbox.root, "alert", "remove-channel", "pager");
    assertThat(remove.exit()).as(remove.out() + remove.err()).isZero();
    assertThat(Files.readString(alerts)).contains("name: log").doesNotContain("pager", "t0ken");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alerts)))
        .isEqualTo("rw-------");
    Jar.Run test = Jar.run(sandbox.root, "alert", "--test");
    assertThat(test.out()).contains("log: delivered").doesNotContain("pager");

    String before = sandbox.digest();
    Jar.Run unknown = Jar.run(sandbox.root, "alert", "remove-channel", "pagr");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip())
        .doesNotContain("\n")
        .contains("has no channel named 'pagr': its channels are log");
    assertThat(sandbox.digest()).isEqualTo(before);

    assertThat(Jar.run(sandbox.root, "undo").exit()).isZero();
    assertThat(Files.readString(alerts)).contains("name: pager", "name: log");
  }
}
