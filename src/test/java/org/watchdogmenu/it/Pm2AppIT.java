package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real pm2 app, stopped, is brought back by {@code check}. */
class Pm2AppIT {
  @TempDir Path dir;
  private final String app = "wdm-it-" + ProcessHandle.current().pid();

  @AfterEach
  void deleteApp() throws Exception {
    pm2("delete", app);
  }

  @Test
  void aStoppedAppIsRestartedThroughPm2AndVerified() throws Exception {
    int port = Sandbox.freePort();
    Path script = dir.resolve("app.js");
    Files.writeString(
        script,
        "require('http').createServer((q, s) => s.end('ok')).listen(" + port + ", '127.0.0.1');\n");
    assertThat(pm2("start", script.toString(), "--name", app)).isZero();
    Tools.waitForPort(port);
    Sandbox sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    // the sandbox sees the real pm2 daemon's home, where its pid file is
    Path home = Path.of(System.getProperty("user.home"));
    Path pm2Home = sandbox.path(home.resolve(".pm2").toString());
    Files.createDirectories(pm2Home.getParent());
    Files.createSymbolicLink(pm2Home, home.resolve(".pm2"));
    sandbox.target(
        app,
        String.join(
            "\n",
            "id: " + app,
            "service: {kind: pm2, app: " + app + ", pm2: " + Tools.require("pm2") + "}",
            "probes:",
            "  - {type: pm2}",
            "  - {type: http, url: \"http://127.0.0.1:" + port + "/\"}",
            "policy: {retries: 2, retry_delay: 500ms, grace: 2s}",
            ""));
    Jar.Run healthy = Jar.run(sandbox.root, "check", app);
    assertThat(healthy.exit()).as(healthy.out() + healthy.err()).isZero();

    assertThat(pm2("stop", app)).isZero();
    Jar.Run recovered = Jar.run(sandbox.root, "check", app);
    assertThat(recovered.exit()).as(recovered.out() + recovered.err()).isEqualTo(1);
    assertThat(recovered.out())
        .contains("Health check FAIL: Service is not active (pm2 status stopped)")
        .contains("pm2 restart " + app)
        .contains("=== Health Check RECOVERED: Service is healthy after restart ===")
        .doesNotContain("PATH=")
        .doesNotContain("HOME=");
    assertThat(status(app)).isEqualTo("online");
  }

  private static int pm2(String... args) throws Exception {
    String[] argv = new String[args.length + 1];
    argv[0] = Tools.require("pm2");
    System.arraycopy(args, 0, argv, 1, args.length);
    Process p =
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static String status(String app) throws Exception {
    Process p = new ProcessBuilder(Tools.require("pm2"), "jlist").start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(30, TimeUnit.SECONDS);
    for (JsonNode n : new ObjectMapper().readTree(out.substring(out.indexOf('[')))) {
      if (n.path("name").asText().equals(app)) {
        return n.path("pm2_env").path("status").asText();
      }
    }
    return "missing";
  }
}
