package org.watchdogmenu.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.HttpProbeSpec;

/**
 * An HTTP(S) GET answered with an expected status within the timeout, and optionally with a body
 * that matches a regex. Redirects are not followed (a 301 is a status like any other). With {@code
 * insecure: true} any certificate and any host name are accepted (self-signed certificates).
 *
 * <p>It uses {@link HttpURLConnection}: a cold JVM makes the request in about 50 ms, where {@code
 * java.net.http.HttpClient} needs about 400 ms to start, and cron starts a new JVM for every check.
 */
final class HttpProbe implements Probe {
  private static final int MAX_BODY = 1 << 20;

  private final HttpProbeSpec spec;

  HttpProbe(HttpProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    URI uri = uri();
    Pattern body = spec.body() == null ? null : Fields.regex(spec.body(), "http", "body");
    Stopwatch watch = Stopwatch.start();
    Deadline deadline = new Deadline(spec.timeout());
    HttpURLConnection connection = null;
    try {
      connection = open(uri, deadline);
      connection.connect();
      connection.setReadTimeout(deadline.remainingMillis());
      int status = connection.getResponseCode();
      String text = body == null ? "" : read(connection);
      return judge(status, text, body, watch);
    } catch (IOException e) {
      if (!spec.insecure() && Tls.certificateRefused(e)) {
        // a TLS server answered: the service is up, and its certificate is refused by this
        // probe's settings; restarting it would not change the certificate
        return ProbeResult.unknown(
            "TLS certificate of "
                + spec.url()
                + " refused ("
                + Tls.reason(e)
                + "): the service answers, so it is not restarted; set "
                + ProbeSetting.of("insecure")
                + ": true for a self-signed certificate, or check "
                + ProbeSetting.of("url"),
            watch.elapsed());
      }
      return ProbeResult.fail(reason(e), watch.elapsed());
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private HttpURLConnection open(URI uri, Deadline deadline) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setConnectTimeout(deadline.remainingMillis());
    connection.setReadTimeout(deadline.remainingMillis());
    connection.setRequestProperty("User-Agent", "watchdog-menu");
    if (spec.insecure() && connection instanceof HttpsURLConnection) {
      HttpsURLConnection https = (HttpsURLConnection) connection;
      https.setSSLSocketFactory(TrustAll.context().getSocketFactory());
      https.setHostnameVerifier((host, session) -> true);
    }
    return connection;
  }

  /** The body (of an error status too), at most 1 MB. */
  private static String read(HttpURLConnection connection) throws IOException {
    InputStream in =
        connection.getResponseCode() >= 400
            ? connection.getErrorStream()
            : connection.getInputStream();
    if (in == null) {
      return "";
    }
    try (InputStream body = in) {
      return new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    }
  }

  private ProbeResult judge(int status, String text, Pattern body, Stopwatch watch) {
    Duration elapsed = watch.elapsed();
    String head = "HTTP " + status + " from " + spec.url() + " in " + elapsed.toMillis() + "ms";
    if ((status == 401 || status == 403) && !spec.expectStatus().contains(status)) {
      // the service answers and asks who we are: the probe's address is the thing to fix
      return ProbeResult.unknown(
          head
              + ": the endpoint "
              + (status == 401 ? "needs authentication" : "refuses this request")
              + ", so the service answers and is not restarted: check "
              + ProbeSetting.of("url")
              + " (a health address without authentication), or add "
              + status
              + " to "
              + ProbeSetting.of("expect_status"),
          elapsed);
    }
    if (!spec.expectStatus().contains(status)) {
      return ProbeResult.fail(head + " (expected " + statuses() + ")", elapsed);
    }
    if (body != null && !body.matcher(text).find()) {
      return ProbeResult.fail(head + " but the body does not match /" + spec.body() + "/", elapsed);
    }
    return ProbeResult.pass(head, elapsed);
  }

  private String statuses() {
    return spec.expectStatus().stream()
        .map(String::valueOf)
        .reduce((a, b) -> a + " or " + b)
        .orElse("");
  }

  private URI uri() {
    String url = Fields.required(spec.url(), "http", "url", "http://127.0.0.1:8080/health");
    try {
      URI uri = new URI(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(url, "not an http:// or https:// address with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigProblem(
          "http probe: url '"
              + url
              + "' is not usable ("
              + e.getReason()
              + "): write e.g. http://127.0.0.1:8080/health");
    }
  }

  private String reason(IOException e) {
    String within = " within " + Durations.format(spec.timeout());
    if (e instanceof SocketTimeoutException) {
      return String.valueOf(e.getMessage()).contains("connect")
          ? "no connection to " + spec.url() + within
          : "no answer from " + spec.url() + within;
    }
    if (e instanceof UnknownHostException) {
      return "cannot resolve the host of " + spec.url();
    }
    if (e instanceof ConnectException) {
      return "connection refused by " + spec.url() + " (nothing listens there)";
    }
    if (e instanceof SSLException) {
      return "TLS with "
          + spec.url()
          + " failed: "
          + e.getMessage()
          + (spec.insecure() ? "" : " (set insecure: true for a self-signed certificate)");
    }
    return "request to " + spec.url() + " failed: " + e;
  }
}
