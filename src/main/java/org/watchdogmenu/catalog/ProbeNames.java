package org.watchdogmenu.catalog;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TcpConnectProbeSpec;
import org.watchdogmenu.model.TcpListenProbeSpec;

/**
 * Probe names that follow their settings: a name that holds the port (or host) a change moves away
 * from gets the new one, so {@code CoTURN port 3478} becomes {@code CoTURN port 3479} when its port
 * does, and logs and menus never name the old port. A name that does not hold the old value, a
 * probe without a name (its label is made from its settings) and a change that sets the name itself
 * are left as they are.
 */
final class ProbeNames {
  private ProbeNames() {}

  /**
   * The settings that rename probes for these changes of {@code target}; none when none need it.
   */
  static List<Setting> following(Target target, List<Setting> changes) {
    List<Setting> names = new ArrayList<>();
    for (Setting s : changes) {
      KeyPath key = KeyPath.parse(s.key());
      List<KeyPath.Part> p = key.parts();
      if (p.size() != 3 || !"probes".equals(p.get(0).key()) || !p.get(1).isIndex()) {
        continue;
      }
      int i = p.get(1).index();
      if (i >= target.probes().size() || setsName(changes, i) || setsName(names, i)) {
        continue;
      }
      ProbeSpec probe = target.probes().get(i);
      String name = probe.name();
      if (name == null) {
        continue;
      }
      Optional<String[]> moved = moved(probe, p.get(2).key(), s.value());
      if (moved.isEmpty()) {
        continue;
      }
      String renamed = replaceWhole(name, moved.get()[0], moved.get()[1]);
      if (!renamed.equals(name)) {
        names.add(new Setting("probes[" + i + "].name", renamed));
      }
    }
    return names;
  }

  private static boolean setsName(List<Setting> settings, int index) {
    for (Setting s : settings) {
      List<KeyPath.Part> p = KeyPath.parse(s.key()).parts();
      if (p.size() == 3
          && "probes".equals(p.get(0).key())
          && p.get(1).isIndex()
          && p.get(1).index() == index
          && "name".equals(p.get(2).key())) {
        return true;
      }
    }
    return false;
  }

  /** The old and the new text of what the change moves (a port or a host), if it moves one. */
  private static Optional<String[]> moved(ProbeSpec probe, String field, String value) {
    Optional<String> before = Optional.empty();
    Optional<String> after = Optional.empty();
    if (probe instanceof TcpListenProbeSpec t && field.equals("port")) {
      before = text(t.port());
      after = Optional.of(value.strip());
    } else if (probe instanceof TcpConnectProbeSpec t) {
      if (field.equals("port")) {
        before = text(t.port());
        after = Optional.of(value.strip());
      } else if (field.equals("host")) {
        before = Optional.ofNullable(t.host());
        after = Optional.of(value.strip());
      }
    } else if (probe instanceof Socks5ProbeSpec s && field.equals("proxy")) {
      before = portOf(s.proxy());
      after = portOf(value.strip());
    } else if (probe instanceof HttpProbeSpec h && field.equals("url")) {
      before = urlPort(h.url());
      after = urlPort(value.strip());
    }
    Optional<String> from = before.filter(b -> !b.isEmpty());
    Optional<String> to = after.filter(a -> !a.isEmpty());
    if (from.isEmpty() || to.isEmpty() || from.get().equals(to.get())) {
      return Optional.empty();
    }
    return Optional.of(new String[] {from.get(), to.get()});
  }

  /** Every whole occurrence of {@code old} in the name (not part of a longer number or word). */
  static String replaceWhole(String name, String old, String now) {
    Matcher m =
        Pattern.compile("(?<![A-Za-z0-9.])" + Pattern.quote(old) + "(?![A-Za-z0-9])").matcher(name);
    return m.replaceAll(Matcher.quoteReplacement(now));
  }

  private static Optional<String> text(Integer n) {
    return Optional.ofNullable(n).map(String::valueOf);
  }

  /** The port of {@code HOST:PORT}, or empty when it has none. */
  private static Optional<String> portOf(String hostPort) {
    if (hostPort == null) {
      return Optional.empty();
    }
    int colon = hostPort.lastIndexOf(':');
    String port = colon < 0 ? "" : hostPort.substring(colon + 1);
    return port.matches("\\d{1,5}") ? Optional.of(port) : Optional.empty();
  }

  /** The port of a URL, given or by its scheme; empty when it is not an http(s) URL. */
  private static Optional<String> urlPort(String url) {
    try {
      URI u = new URI(url);
      if (u.getPort() > 0) {
        return Optional.of(String.valueOf(u.getPort()));
      }
      if ("https".equalsIgnoreCase(u.getScheme())) {
        return Optional.of("443");
      }
      return "http".equalsIgnoreCase(u.getScheme()) ? Optional.of("80") : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
