package org.watchdogmenu.probe;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The client side of a SOCKS5 handshake on an open socket: method negotiation (RFC 1928), the
 * username/password sub-negotiation (RFC 1929) when the proxy asks for it, and a CONNECT by domain
 * name. A proxy that says no throws {@link Refused} with the reason in words.
 */
final class Socks5Handshake {
  private static final int VERSION = 5;
  private static final int NO_AUTH = 0;
  private static final int USER_PASS = 2;
  private static final int NONE_ACCEPTABLE = 0xFF;

  private static final String[] REPLIES = {
    "succeeded",
    "general SOCKS server failure",
    "connection not allowed by the proxy's rules",
    "network unreachable from the proxy",
    "host unreachable from the proxy",
    "connection refused by the proxy's target",
    "TTL expired",
    "command not supported by the proxy",
    "address type not supported by the proxy"
  };

  private final Socket socket;
  private final Deadline deadline;

  Socks5Handshake(Socket socket, Deadline deadline) {
    this.socket = socket;
    this.deadline = deadline;
  }

  /** The proxy said no; the message says why. */
  static class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * The proxy answered and refused the probe's credentials (or their absence): it is up, and the
   * probe's own settings are what to fix.
   */
  static final class CredentialsRefused extends Refused {
    CredentialsRefused(String message) {
      super(message);
    }
  }

  /** Agrees on a method: no authentication, or username/password when credentials are given. */
  void greet(String username, String password) throws IOException {
    boolean credentials = username != null;
    byte[] hello =
        credentials
            ? new byte[] {VERSION, 2, NO_AUTH, USER_PASS}
            : new byte[] {VERSION, 1, NO_AUTH};
    send(hello);
    byte[] choice = read(2);
    if (choice[0] != VERSION) {
      throw new Refused("not a SOCKS5 proxy (version byte " + (choice[0] & 0xFF) + ")");
    }
    int method = choice[1] & 0xFF;
    if (method == NONE_ACCEPTABLE) {
      throw new CredentialsRefused(
          credentials
              ? "SOCKS proxy accepts none of the offered authentication methods (no"
                  + " authentication, username/password): check "
                  + ProbeSetting.of("username/password")
              : "SOCKS proxy requires a username and password: set "
                  + ProbeSetting.of("username/password"));
    }
    if (method == USER_PASS && credentials) {
      authenticate(username, password);
    } else if (method != NO_AUTH) {
      throw new Refused("the proxy chose an authentication method not offered (" + method + ")");
    }
  }

  private void authenticate(String username, String password) throws IOException {
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password.getBytes(StandardCharsets.UTF_8);
    if (user.length > 255 || pass.length > 255) {
      throw new ConfigProblem("socks5 probe: username and password must be at most 255 bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(user.length);
    out.write(user, 0, user.length);
    out.write(pass.length);
    out.write(pass, 0, pass.length);
    send(out.toByteArray());
    byte[] status = read(2);
    if (status[1] != 0) {
      throw new CredentialsRefused(
          "SOCKS proxy refused the username/password (user '"
              + username
              + "', status "
              + (status[1] & 0xFF)
              + "): check "
              + ProbeSetting.of("username/password"));
    }
  }

  /** Asks the proxy to connect to host:port, giving the host by name. */
  void connect(String host, int port) throws IOException {
    byte[] name = host.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {VERSION, 1, 0, 3}, 0, 4);
    out.write(name.length);
    out.write(name, 0, name.length);
    out.write(port >> 8);
    out.write(port & 0xFF);
    send(out.toByteArray());
    byte[] head = read(4);
    int reply = head[1] & 0xFF;
    if (reply != 0) {
      String words = reply < REPLIES.length ? REPLIES[reply] : "unknown reply";
      throw new Refused(words + " (reply " + reply + " for " + host + ":" + port + ")");
    }
    skipBoundAddress(head[3] & 0xFF);
  }

  private void skipBoundAddress(int type) throws IOException {
    switch (type) {
      case 1:
        read(4 + 2);
        break;
      case 4:
        read(16 + 2);
        break;
      case 3:
        read((read(1)[0] & 0xFF) + 2);
        break;
      default:
        throw new Refused("the proxy answered with an unknown address type " + type);
    }
  }

  private void send(byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  private byte[] read(int n) throws IOException {
    socket.setSoTimeout(deadline.remainingMillis());
    byte[] bytes = new byte[n];
    try {
      new DataInputStream(socket.getInputStream()).readFully(bytes);
    } catch (EOFException e) {
      throw new Refused("the proxy closed the connection during the SOCKS5 handshake");
    }
    return bytes;
  }
}
