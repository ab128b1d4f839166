package org.watchdogmenu.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.ServiceSpec;

/** Turns a tree into a record with the strict mapper; mapping errors become one-line errors. */
final class StrictMapping {
  static final String KINDS =
      Arrays.stream(ServiceKind.values()).map(ServiceKind::key).collect(Collectors.joining(", "));
  static final String PROBE_TYPES =
      Arrays.stream(ProbeSpec.class.getAnnotation(JsonSubTypes.class).value())
          .map(JsonSubTypes.Type::name)
          .collect(Collectors.joining(", "));

  static final String DURATION = "must be a duration like 500ms, 5s, 2m, 1h or 1d";
  static final String SIZE = "must be a size like 512M or 1G";
  static final String WHOLE = "must be a whole number";

  private StrictMapping() {}

  static <T> T map(JsonNode tree, Class<T> type, SourceMap lines) {
    try {
      return YamlSource.MAPPER.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      throw unknownKey(e, lines);
    } catch (InvalidTypeIdException e) {
      throw badTypeId(e, lines);
    } catch (ValueInstantiationException e) {
      String reason = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
      String path = path(e);
      if (reason == null || reason.isBlank()) {
        reason = "'" + path + "' has the wrong form: compare it with the examples in the README";
      }
      throw CatalogException.at(lines.at(path), reason);
    } catch (MismatchedInputException e) {
      String path = path(e);
      throw CatalogException.at(lines.at(path), "'" + path + "' " + expected(e));
    } catch (JsonProcessingException e) {
      String path = e instanceof JsonMappingException m ? path(m) : "";
      throw CatalogException.at(lines.at(path), firstLine(e.getOriginalMessage()));
    }
  }

  /**
   * A probe without a known {@code type}, or a service without a known {@code kind}: the key is
   * missing, or its value is none of the names.
   */
  private static CatalogException badTypeId(InvalidTypeIdException e, SourceMap lines) {
    String path = path(e);
    boolean service = e.getBaseType() != null && e.getBaseType().hasRawClass(ServiceSpec.class);
    String key = service ? "kind" : "type";
    String names = service ? KINDS : PROBE_TYPES;
    String keyPath = SourceMap.child(path, key);
    if (e.getTypeId() == null) {
      return service
          ? CatalogException.at(
              lines.forMissing(keyPath), "'" + keyPath + "' is missing: it must be one of " + names)
          : CatalogException.at(
              lines.forMissing(path), "'" + path + "' has no 'type': add one of " + names);
    }
    return CatalogException.at(
        lines.at(keyPath),
        "'" + keyPath + "' must be one of " + names + ", not '" + e.getTypeId() + "'");
  }

  private static CatalogException unknownKey(UnrecognizedPropertyException e, SourceMap lines) {
    String path = path(e);
    String key = e.getPropertyName();
    String in = SourceMap.parent(path);
    List<String> known =
        e.getKnownPropertyIds() == null
            ? List.of()
            : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    Class<?> owner = e.getReferringClass();
    boolean service =
        owner != null && owner.isRecord() && ServiceSpec.class.isAssignableFrom(owner);
    String keysHere =
        service
            ? ": a "
                + kindOf(owner)
                + " service's keys are "
                + String.join(
                    ", ", Stream.concat(known.stream(), Stream.of("kind")).sorted().toList())
            : ": the keys here are " + String.join(", ", known);
    String hint =
        known.stream()
            .filter(k -> distance(k, key) <= Math.max(1, key.length() / 3))
            .min(Comparator.comparingInt(k -> distance(k, key)))
            .map(k -> " (did you mean '" + k + "'?)")
            .orElse(keysHere);
    return CatalogException.at(
        lines.at(path), "unknown key '" + key + "'" + (in.isEmpty() ? "" : " in " + in) + hint);
  }

  /** The kind a service record is read for, e.g. {@code systemd-user}. */
  private static String kindOf(Class<?> serviceRecord) {
    for (JsonSubTypes.Type t : ServiceSpec.class.getAnnotation(JsonSubTypes.class).value()) {
      if (t.value() == serviceRecord) {
        return t.name();
      }
    }
    return "";
  }

  private static String expected(MismatchedInputException e) {
    Class<?> type = e.getTargetType();
    String value =
        e instanceof InvalidFormatException f && f.getValue() != null
            ? ", not '" + f.getValue() + "'"
            : "";
    if (type == Duration.class) {
      return DURATION + value;
    }
    if (type == DataSize.class) {
      return SIZE + value;
    }
    if (type != null && Collection.class.isAssignableFrom(type)) {
      return "must be a list, e.g. [a, b]" + value;
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return WHOLE + value;
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false" + value;
    }
    if (type == String.class) {
      return "must be a single value (text), not a list or mapping";
    }
    if (type != null && type.isRecord()) {
      return "must be keys under it (key: value lines), not a single value or a list";
    }
    return "has the wrong form: " + firstLine(e.getOriginalMessage());
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.strip().lines().findFirst().orElse("");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
