package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/** The http probe against a real JDK HTTP server and an HTTPS server with a self-signed cert. */
class HttpProbeIT {
  @TempDir static Path dir;
  private static HttpServer http;
  private static HttpsServer https;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    http =
        TestServers.http(
            Map.of(
                "/health", TestServers.answer(200, "{\"status\": \"ok\"}"),
                "/down", TestServers.answer(503, "maintenance"),
                "/kurento", TestServers.answer(426, ""),
                "/private", TestServers.answer(401, "login first"),
                "/forbidden", TestServers.answer(403, "no"),
                "/slow", TestServers.slow(3000)));
    base = "http://127.0.0.1:" + http.getAddress().getPort();
    https =
        TestServers.https(
            TestServers.serverContext(TestServers.selfSignedKeystore(dir)),
            Map.of("/health", TestServers.answer(200, "ok")));
  }

  @AfterAll
  static void stop() {
    http.stop(0);
    https.stop(0);
  }

  private static ProbeResult get(
      String url, List<Integer> status, String body, Boolean insecure, Duration timeout) {
    Host host = Host.system(new HostRoot(dir));
    return Probes.of(new HttpProbeSpec(null, timeout, url, status, body, insecure))
        .run(Contexts.of(host));
  }

  private static ProbeResult get(String url) {
    return get(url, null, null, null, null);
  }

  @Test
  void okPassesWithStatusAndResponseTime() {
    ProbeResult r = get(base + "/health");

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).matches("HTTP 200 from \\S+ in \\d+ms");
  }

  @Test
  void unexpectedStatusFails() {
    ProbeResult r = get(base + "/down");

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).matches("HTTP 503 from " + base + "/down in \\d+ms \\(expected 200\\)");
  }

  @Test
  void kurentosWebSocketAnswer426IsHealthyWhenExpected() {
    assertThat(get(base + "/kurento", List.of(426), null, null, null).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(get(base + "/kurento").verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void bodyRegexMustMatch() {
    assertThat(get(base + "/health", null, "\"status\":\\s*\"ok\"", null, null).verdict())
        .isEqualTo(Verdict.PASS);
    ProbeResult r = get(base + "/health", null, "healthy", null, null);
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).endsWith("but the body does not match /healthy/");
  }

  @Test
  void aSlowAnswerFailsAtTheTimeout() {
    ProbeResult r = get(base + "/slow", null, null, null, Duration.ofMillis(500));

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("no answer from " + base + "/slow within 500ms");
    assertThat(r.elapsed()).isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
  }

  @Test
  void nothingListeningFailsAsRefused() throws Exception {
    String url = "http://127.0.0.1:" + TestServers.freePort() + "/health";

    ProbeResult r = get(url);

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("connection refused by " + url + " (nothing listens there)");
  }

  @Test
  void selfSignedCertificatePassesOnlyWhenInsecure() {
    String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/health";

    ProbeResult insecure = get(url, null, null, true, null);
    ProbeResult strict = get(url, null, null, null, null);

    assertThat(insecure.verdict()).isEqualTo(Verdict.PASS);
    assertThat(insecure.message()).matches("HTTP 200 from \\S+ in \\d+ms");
    // a TLS server answered: up, and its certificate is the probe's setting to fix
    assertThat(strict.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(strict.message())
        .startsWith("TLS certificate of " + url + " refused (not signed by a trusted authority")
        .contains("set the http probe's insecure: true for a self-signed certificate");
  }

  @Test
  void aCertificateForAnotherNameIsUnknownAndNamesTheUrl() throws Exception {
    // the self-signed certificate is for camera-config.invalid, not 127.0.0.1, and not trusted
    String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/health";
    HttpProbeSpec spec = new HttpProbeSpec(null, null, url, null, null, null);

    ProbeResult r = Probes.of(spec, 1).run(Contexts.of(Host.system(new HostRoot(dir))));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).contains("check probes[1].url").contains("set probes[1].insecure");
  }

  @Test
  void anEndpointThatWantsAuthenticationIsUnknownUnlessExpected() {
    ProbeResult login = get(base + "/private");
    ProbeResult forbidden = get(base + "/forbidden");
    ProbeResult expected = get(base + "/private", List.of(401), null, null, null);

    assertThat(login.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(login.message())
        .startsWith("HTTP 401 from " + base + "/private in ")
        .contains("needs authentication, so the service answers and is not restarted")
        .contains("check the http probe's url")
        .endsWith("or add 401 to the http probe's expect_status");
    assertThat(forbidden.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(forbidden.message()).contains("add 403 to");
    assertThat(expected.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void unusableSettingsAreUnknownAndNameTheField() {
    ProbeResult noUrl = get(null);
    ProbeResult ftp = get("ftp://127.0.0.1/x");
    ProbeResult badBody = get(base + "/health", null, "([", null, null);

    assertThat(noUrl.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(noUrl.message()).startsWith("http probe: url is missing: set url");
    assertThat(ftp.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(ftp.message()).startsWith("http probe: url 'ftp://127.0.0.1/x' is not usable");
    assertThat(badBody.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(badBody.message()).startsWith("http probe: body is not a valid regular expression");
  }
}
