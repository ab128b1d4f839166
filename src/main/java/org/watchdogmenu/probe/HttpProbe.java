package org.watchdogmenu.probe;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.HttpProbeSpec;

/**
 * An HTTP(S) GET answered with an expected status within the timeout, and optionally with a body
 * that matches a regex. Redirects are not followed (a 301 is a status like any other). With {@code
 * insecure: true} any certificate and any host name are accepted (self-signed certificates).
 */
final class HttpProbe implements Probe {
  private final HttpProbeSpec spec;

  HttpProbe(HttpProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    URI uri = uri();
    Pattern body = spec.body() == null ? null : Fields.regex(spec.body(), "http", "body");
    HttpClient client = client(uri);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(spec.timeout())
            .header("User-Agent", "watchdog-menu")
            .GET()
            .build();
    Stopwatch watch = Stopwatch.start();
    CompletableFuture<HttpResponse<String>> sent =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> response = sent.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return judge(response, body, watch);
    } catch (TimeoutException e) {
      sent.cancel(true);
      return ProbeResult.fail(noAnswer(), watch.elapsed());
    } catch (ExecutionException e) {
      return ProbeResult.fail(reason(e.getCause()), watch.elapsed());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      return ProbeResult.unknown("interrupted while waiting for " + uri, watch.elapsed());
    }
  }

  private ProbeResult judge(HttpResponse<String> response, Pattern body, Stopwatch watch) {
    Duration elapsed = watch.elapsed();
    String head =
        "HTTP "
            + response.statusCode()
            + " from "
            + spec.url()
            + " in "
            + elapsed.toMillis()
            + "ms";
    if (!spec.expectStatus().contains(response.statusCode())) {
      return ProbeResult.fail(head + " (expected " + statuses() + ")", elapsed);
    }
    if (body != null && !body.matcher(response.body()).find()) {
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

  private HttpClient client(URI uri) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(spec.timeout());
    if (spec.insecure() && "https".equals(uri.getScheme())) {
      builder.sslContext(TrustAll.context());
    }
    return builder.build();
  }

  private String noAnswer() {
    return "no answer from " + spec.url() + " within " + Durations.format(spec.timeout());
  }

  private String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && !(cause instanceof ConnectException)
        && !(cause instanceof SSLException)) {
      cause = cause.getCause();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection to " + spec.url() + " within " + Durations.format(spec.timeout());
    }
    if (e instanceof HttpTimeoutException) {
      return noAnswer();
    }
    if (cause instanceof UnresolvedAddressException) {
      return "cannot resolve the host of " + spec.url();
    }
    if (cause instanceof ConnectException) {
      return "connection refused by " + spec.url() + " (nothing listens there)";
    }
    if (cause instanceof SSLException) {
      return "TLS with "
          + spec.url()
          + " failed: "
          + cause.getMessage()
          + (spec.insecure() ? "" : " (set insecure: true for a self-signed certificate)");
    }
    return "request to " + spec.url() + " failed: " + cause;
  }
}
