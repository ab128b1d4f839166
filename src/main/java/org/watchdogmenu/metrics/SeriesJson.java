package org.watchdogmenu.metrics;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.watchdogmenu.os.JsonText;

/**
 * The kept series as JSON, {@code {"web": {"up": 1, "failures": 0, "restarts": {"cron": 2},
 * "probeSeconds": {...}, "limitReached": 0, "lastCheck": 1739529000}}}, written and read without a
 * mapper (a check writes it on every run).
 */
final class SeriesJson {
  private SeriesJson() {}

  static String write(Map<String, TargetSeries> all) {
    StringBuilder sb = new StringBuilder("{");
    all.forEach(
        (id, s) -> {
          if (sb.length() > 1) {
            sb.append(',');
          }
          sb.append(JsonText.quote(id)).append(":{\"up\":").append(s.up());
          sb.append(",\"failures\":").append(s.failures());
          sb.append(",\"restarts\":{");
          String sep = "";
          for (Map.Entry<String, Long> e : s.restarts().entrySet()) {
            sb.append(sep).append(JsonText.quote(e.getKey())).append(':').append(e.getValue());
            sep = ",";
          }
          sb.append("},\"probeSeconds\":{");
          sep = "";
          for (Map.Entry<String, Double> e : s.probeSeconds().entrySet()) {
            sb.append(sep).append(JsonText.quote(e.getKey())).append(':').append(e.getValue());
            sep = ",";
          }
          sb.append("},\"limitReached\":").append(s.limitReached());
          sb.append(",\"lastCheck\":").append(s.lastCheck());
          if (s.pausedUntil() != 0) {
            sb.append(",\"pausedUntil\":").append(s.pausedUntil());
          }
          sb.append('}');
        });
    return sb.append('}').toString();
  }

  /**
   * @throws IOException when the text is not such JSON
   */
  static Map<String, TargetSeries> read(String text) throws IOException {
    Map<String, TargetSeries> all = new TreeMap<>();
    for (Map.Entry<String, Object> e : object(JsonText.parse(text), "the file").entrySet()) {
      Map<String, Object> s = object(e.getValue(), e.getKey());
      for (String key : s.keySet()) {
        if (!java.util.Set.of(
                "up",
                "failures",
                "restarts",
                "probeSeconds",
                "limitReached",
                "lastCheck",
                "pausedUntil")
            .contains(key)) {
          throw new IOException("unknown field '" + key + "' of " + e.getKey());
        }
      }
      Long up = whole(s.get("up"), "up");
      Long failures = whole(s.get("failures"), "failures");
      Long limit = whole(s.get("limitReached"), "limitReached");
      Long pausedUntil = whole(s.get("pausedUntil"), "pausedUntil");
      Map<String, Long> restarts = new TreeMap<>();
      if (s.get("restarts") != null) {
        for (Map.Entry<String, Object> r : object(s.get("restarts"), "restarts").entrySet()) {
          restarts.put(r.getKey(), whole(r.getValue(), "restarts"));
        }
      }
      Map<String, Double> probes = new TreeMap<>();
      if (s.get("probeSeconds") != null) {
        for (Map.Entry<String, Object> p :
            object(s.get("probeSeconds"), "probeSeconds").entrySet()) {
          if (!(p.getValue() instanceof Number n)) {
            throw new IOException("probeSeconds of " + e.getKey() + " is not a number");
          }
          probes.put(p.getKey(), n.doubleValue());
        }
      }
      all.put(
          e.getKey(),
          new TargetSeries(
              up == null ? null : up.intValue(),
              failures == null ? 0 : failures,
              restarts,
              probes,
              limit == null ? 0 : limit.intValue(),
              whole(s.get("lastCheck"), "lastCheck"),
              pausedUntil == null ? 0 : pausedUntil));
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object v, String what) throws IOException {
    if (!(v instanceof Map)) {
      throw new IOException(what + " is not an object");
    }
    return (Map<String, Object>) v;
  }

  private static Long whole(Object v, String what) throws IOException {
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return d.longValue();
    }
    throw new IOException(what + " is not a whole number");
  }
}
