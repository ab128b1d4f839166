package org.watchdogmenu.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server of a test's own, on a loopback port: its own host key, its own sshd_config
 * and one authorized key, all in a temp folder; it lets root in with that key only. The server runs
 * in the foreground as the test's child and is stopped by {@link #close}.
 */
final class LoopbackSshd implements AutoCloseable {
  /** sshd's privilege-separation folder, compiled in; the package's unit makes it at boot. */
  private static final Path PRIVSEP = Path.of("/run/sshd");

  final int port;
  final Path clientKey;
  final Path knownHosts;
  private final Process sshd;
  private final Path log;
  private final boolean madePrivsep;

  private LoopbackSshd(
      int port, Path clientKey, Path knownHosts, Process sshd, Path log, boolean madePrivsep) {
    this.port = port;
    this.clientKey = clientKey;
    this.knownHosts = knownHosts;
    this.sshd = sshd;
    this.log = log;
    this.madePrivsep = madePrivsep;
  }

  static LoopbackSshd start(Path dir) throws IOException, InterruptedException {
    String sshd = Tools.require("sshd");
    Files.createDirectories(dir);
    Path hostKey = dir.resolve("host_ed25519");
    Path clientKey = dir.resolve("client_ed25519");
    keygen(hostKey, "watchdog-menu test host");
    keygen(clientKey, "watchdog-menu test client");
    Path authorized = dir.resolve("authorized_keys");
    Files.copy(pub(clientKey), authorized);
    int port = Sandbox.freePort();
    Path config = dir.resolve("sshd_config");
    Files.writeString(
        config,
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + hostKey,
            "PidFile " + dir.resolve("sshd.pid"),
            "AuthorizedKeysFile " + authorized,
            // the temp folders are the test's, not root's home: no ownership walk
            "StrictModes no",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "UsePAM no",
            "Subsystem sftp /usr/lib/openssh/sftp-server",
            ""));
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(
        knownHosts,
        "[127.0.0.1]:" + port + " " + Files.readString(pub(hostKey), StandardCharsets.UTF_8));
    boolean madePrivsep = false;
    if (!Files.isDirectory(PRIVSEP)) {
      Files.createDirectories(PRIVSEP);
      Files.setPosixFilePermissions(PRIVSEP, PosixFilePermissions.fromString("rwxr-xr-x"));
      madePrivsep = true;
    }
    Path log = dir.resolve("sshd.log");
    Process process =
        new ProcessBuilder(sshd, "-D", "-e", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LoopbackSshd server = new LoopbackSshd(port, clientKey, knownHosts, process, log, madePrivsep);
    try {
      waitUntilListening(server);
    } catch (AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static void waitUntilListening(LoopbackSshd server) throws InterruptedException {
    try {
      Tools.waitForPort(server.port);
    } catch (AssertionError e) {
      throw new AssertionError("sshd did not start: " + server.log(), e);
    }
  }

  /** What sshd wrote (its connections, refusals and errors). */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static Path pub(Path key) {
    return key.resolveSibling(key.getFileName() + ".pub");
  }

  private static void keygen(Path key, String comment) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                List.of(
                    Tools.require("ssh-keygen"),
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-C",
                    comment,
                    "-f",
                    key.toString()))
            .redirectErrorStream(true)
            .redirectOutput(key.resolveSibling(key.getFileName() + ".keygen.log").toFile())
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError("ssh-keygen could not make " + key);
    }
  }

  @Override
  public void close() throws InterruptedException, IOException {
    sshd.destroy();
    if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
      sshd.destroyForcibly();
      sshd.waitFor(10, TimeUnit.SECONDS);
    }
    if (madePrivsep) {
      Files.deleteIfExists(PRIVSEP);
    }
  }
}
