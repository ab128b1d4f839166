package org.watchdogmenu.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** POSTs a JSON body to a webhook; any 2xx answer counts as delivered. */
final class HttpChannel implements Channel {
  /** Headers made at each send, e.g. from a credentials file; a failure is the send's failure. */
  interface Headers {
    /**
     * @throws IOException one line saying what could not be read and what to do
     */
    Map<String, String> get() throws IOException;
  }

  private final String name;
  private final Duration timeout;
  private final URI uri;
  private final Headers headers;
  private final Function<AlertEvent, String> body;
  private HttpClient client;

  HttpChannel(
      String name,
      Duration timeout,
      URI uri,
      Map<String, String> headers,
      Function<AlertEvent, String> body) {
    this(name, timeout, uri, () -> headers, body);
  }

  HttpChannel(
      String name, Duration timeout, URI uri, Headers headers, Function<AlertEvent, String> body) {
    this.name = name;
    this.timeout = timeout;
    this.uri = uri;
    this.headers = headers;
    this.body = body;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public ChannelResult send(AlertEvent event) {
    long start = System.nanoTime();
    Map<String, String> extra;
    try {
      extra = headers.get();
    } catch (IOException e) {
      return result(false, e.getMessage(), start);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "watchdog-menu")
            .POST(HttpRequest.BodyPublishers.ofString(body.apply(event)));
    extra.forEach(request::header);
    try {
      HttpResponse<String> response =
          client().send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      boolean ok = status >= 200 && status < 300;
      return result(ok, "HTTP " + status + (ok ? "" : answer(response.body())), start);
    } catch (HttpTimeoutException e) {
      return result(false, "no answer within " + timeout.toMillis() + "ms", start);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return result(false, "cannot reach " + uri.getHost() + ": " + why, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(false, "interrupted", start);
    }
  }

  /** One client per channel, made on first use: a run that sends nothing starts no threads. */
  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return client;
  }

  private ChannelResult result(boolean ok, String detail, long start) {
    return new ChannelResult(name, ok, detail, Duration.ofNanos(System.nanoTime() - start));
  }

  private static String answer(String text) {
    String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      return "";
    }
    return ": " + (line.length() > 100 ? line.substring(0, 100) + "..." : line);
  }
}
