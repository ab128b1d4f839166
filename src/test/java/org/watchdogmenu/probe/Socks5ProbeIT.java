package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/** The socks5 probe through a real microsocks proxy to local HTTP(S) servers. */
class Socks5ProbeIT {
  @TempDir static Path dir;
  private static HttpServer http;
  private static HttpsServer https;
  private static Path keystore;
  private final List<Process> proxies = new ArrayList<>();

  @BeforeAll
  static void servers() throws Exception {
    http = TestServers.http(Map.of("/ip", TestServers.answer(200, "{\"origin\": \"127.0.0.1\"}")));
    keystore = TestServers.loopbackKeystore(dir);
    https =
        TestServers.https(
            TestServers.serverContext(keystore), Map.of("/ip", TestServers.answer(200, "tls")));
  }

  @AfterAll
  static void stopServers() {
    http.stop(0);
    https.stop(0);
  }

  @AfterEach
  void stopProxies() throws InterruptedException {
    for (Process p : proxies) {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** Starts microsocks on a free loopback port and waits until it accepts connections. */
  private int microsocks(String... auth) throws Exception {
    int port = TestServers.freePort();
    List<String> argv =
        new ArrayList<>(
            List.of(
                RequiredTool.find("microsocks").toString(), "-i", "127.0.0.1", "-p", "" + port));
    argv.addAll(List.of(auth));
    proxies.add(
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("microsocks.log").toFile())
            .start());
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return port;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("microsocks did not start on port " + port);
  }

  private static String httpUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/ip";
  }

  private static ProbeResult probe(Socks5ProbeSpec spec) {
    return Probes.of(spec).run(Contexts.of(Host.system(new HostRoot(dir))));
  }

  private static Socks5ProbeSpec spec(int proxyPort, String url, String user, String password) {
    return new Socks5ProbeSpec(
        null, Duration.ofSeconds(3), "127.0.0.1:" + proxyPort, url, user, password);
  }

  @Test
  void fetchesThroughTheProxy() throws Exception {
    int port = microsocks();

    ProbeResult r = probe(spec(port, httpUrl(), null, null));

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message())
        .matches("SOCKS proxy test successful \\(port " + port + "\\): HTTP 200 in \\d+ms");
  }

  @Test
  void aTargetThatRefusesIsNamed() throws Exception {
    int port = microsocks();
    String url = "http://127.0.0.1:" + TestServers.freePort() + "/ip";

    ProbeResult r = probe(spec(port, url, null, null));

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .startsWith(
            "SOCKS proxy test failed (port "
                + port
                + "): connection refused by the proxy's target (reply 5");
  }

  @Test
  void aProxyThatIsDownFails() throws Exception {
    int port = TestServers.freePort();

    ProbeResult r = probe(spec(port, httpUrl(), null, null));

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .isEqualTo(
            "SOCKS proxy test failed (port " + port + "): nothing listens on 127.0.0.1:" + port);
  }

  @Test
  void usernameAndPasswordAuthentication() throws Exception {
    int port = microsocks("-u", "tunnel", "-P", "s3cret");

    ProbeResult right = probe(spec(port, httpUrl(), "tunnel", "s3cret"));
    ProbeResult wrong = probe(spec(port, httpUrl(), "tunnel", "guess"));
    ProbeResult none = probe(spec(port, httpUrl(), null, null));

    assertThat(right.verdict()).isEqualTo(Verdict.PASS);
    // the proxy answers: wrong or missing credentials are the probe's settings, not a reason to
    // restart it
    assertThat(wrong.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(wrong.message())
        .startsWith("SOCKS proxy refused the username/password (user 'tunnel', status ")
        .contains("check the socks5 probe's username/password")
        .contains("127.0.0.1:" + port + " answers, so it is not restarted")
        .doesNotContain("guess");
    assertThat(none.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(none.message())
        .startsWith(
            "SOCKS proxy requires a username and password: set the socks5 probe's"
                + " username/password");
  }

  @Test
  void aWrongPasswordNamesTheProbesPlaceInItsTarget() throws Exception {
    int port = microsocks("-u", "tunnel", "-P", "s3cret");

    ProbeResult wrong =
        Probes.of(spec(port, httpUrl(), "tunnel", "guess"), 2)
            .run(Contexts.of(Host.system(new HostRoot(dir))));

    assertThat(wrong.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(wrong.message()).contains("check probes[2].username/password");
  }

  @Test
  void httpsRunsTlsInsideTheTunnel() throws Exception {
    int port = microsocks();
    String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/ip";
    SSLSocketFactory trusting = TestServers.trusting(keystore).getSocketFactory();

    ProbeResult trusted =
        new Socks5Probe(spec(port, url, null, null), trusting)
            .run(Contexts.of(Host.system(new HostRoot(dir))));
    ProbeResult untrusted = probe(spec(port, url, null, null));

    assertThat(trusted.verdict()).isEqualTo(Verdict.PASS);
    assertThat(trusted.message()).contains("HTTP 200");
    // a TLS server answered through the tunnel: the tunnel works, the certificate is the
    // probe's business
    assertThat(untrusted.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(untrusted.message())
        .startsWith("SOCKS proxy test (port " + port + "): the tunnel works, but the certificate")
        .contains("check the socks5 probe's url");
  }

  @Test
  void unusableSettingsAreUnknown() {
    ProbeResult noUrl = probe(spec(1080, null, null, null));
    ProbeResult badProxy =
        probe(new Socks5ProbeSpec(null, null, "localhost", httpUrl(), null, null));

    assertThat(noUrl.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(noUrl.message()).startsWith("socks5 probe: url is missing: set url");
    assertThat(badProxy.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(badProxy.message()).startsWith("socks5 probe: proxy 'localhost' is not HOST:PORT");
  }
}
