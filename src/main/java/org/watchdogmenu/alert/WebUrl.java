package org.watchdogmenu.alert;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * An http or https address with a host; checked when the file is read. Errors never repeat the
 * address: a webhook address is a secret, and errors end up in logs.
 */
@JsonDeserialize(using = WebUrl.Reader.class)
record WebUrl(URI uri) {

  static WebUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text == null ? "" : text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a web address: " + e.getReason() + " at character " + (e.getIndex() + 1));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "not a web address: start it with https:// (or http://), e.g. https://HOST/PATH");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the address has no host name: write it as https://HOST/PATH");
    }
    return new WebUrl(uri);
  }

  /** The address as menus and previews show it: scheme and host, the rest masked. */
  String masked() {
    return AlertSecrets.addresses(uri.toString());
  }

  /** The host, for names in logs (the path and query of a webhook are secrets). */
  String host() {
    return uri.getHost();
  }

  static final class Reader extends JsonDeserializer<WebUrl> {
    @Override
    public WebUrl deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return parse(text);
      } catch (IllegalArgumentException e) {
        return (WebUrl) ctxt.handleWeirdStringValue(WebUrl.class, text, e.getMessage());
      }
    }
  }

  /** Masked: the address is a secret. */
  @Override
  public String toString() {
    return masked();
  }
}
