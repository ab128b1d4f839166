package org.watchdogmenu.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.watchdogmenu.os.FileStat;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.YamlFile;

/**
 * Where the secrets of a desired state come from: the environment of the apply ({@code KEY_env:
 * NAME}) and the {@code --secrets} file ({@code KEY_secret: NAME}), a flat YAML map of strings that
 * must be root's, mode 0600, in a folder only root can change. A value never appears in a message.
 */
final class Secrets {
  static final String ENV = "_env";
  static final String SECRET = "_secret";

  private final Map<String, String> env;
  private final Optional<String> fileName;
  private final Map<String, String> file;

  private Secrets(Map<String, String> env, Optional<String> fileName, Map<String, String> file) {
    this.env = Map.copyOf(env);
    this.fileName = fileName;
    this.file = Map.copyOf(file);
  }

  /** Secrets from the environment only. */
  static Secrets ofEnvironment(Map<String, String> env) {
    return new Secrets(env, Optional.empty(), Map.of());
  }

  /**
   * The environment and the secrets file.
   *
   * @throws ApplyFileException one line: the file is missing, not root's, readable by others, or
   *     not a map of strings
   */
  static Secrets withFile(Map<String, String> env, Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      FileStat s = SafeRead.regular(path);
      if ((s.mode() & 0077) != 0) {
        throw new ApplyFileException(
            "refusing secrets file "
                + name
                + ": others can read it (mode "
                + String.format("%04o", s.mode())
                + "); run chmod 600 "
                + name);
      }
      bytes = SafeRead.owned(path, SafeRead.CONFIG_CAP, "secrets file");
    } catch (NoSuchFileException e) {
      throw new ApplyFileException(
          "secrets file "
              + name
              + " does not exist: create it (mode 0600, root's) or leave out --secrets");
    } catch (IOException e) {
      throw new ApplyFileException(e.getMessage());
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    YamlFile.shapeProblem(text)
        .ifPresent(
            p -> {
              throw new ApplyFileException(name + " line " + p.line() + ": " + p.reason());
            });
    JsonNode tree;
    try {
      tree = new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new ApplyFileException(name + ": is not YAML: write one 'name: value' a line");
    }
    Map<String, String> values = new TreeMap<>();
    if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
      if (!tree.isObject()) {
        throw new ApplyFileException(name + ": write one 'name: value' a line");
      }
      FileLines lines = new FileLines(name, text);
      for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          throw lines.problem(List.of(e.getKey()), "give the secret as one value on its line");
        }
        values.put(e.getKey(), e.getValue().asText());
      }
    }
    return new Secrets(env, Optional.of(name), values);
  }

  /**
   * The value named by a {@code KEY_env} or {@code KEY_secret} field.
   *
   * @param suffix {@link #ENV} or {@link #SECRET}
   * @param name the variable or the secrets file's key
   * @return the value, or empty with {@code why} filled in
   */
  Optional<String> value(String suffix, String name, StringBuilder why) {
    if (suffix.equals(ENV)) {
      String v = env.get(name);
      if (v == null || v.isEmpty()) {
        why.append("the environment variable ")
            .append(name)
            .append(" is not set: set it for the apply, or give the value with --secrets");
        return Optional.empty();
      }
      return Optional.of(v);
    }
    if (fileName.isEmpty()) {
      why.append("it names a secret, but no --secrets file was given: give --secrets FILE with ")
          .append(name)
          .append(": VALUE");
      return Optional.empty();
    }
    String v = file.get(name);
    if (v == null) {
      why.append(fileName.get())
          .append(" has no ")
          .append(name)
          .append(": add '")
          .append(name)
          .append(": VALUE' to it");
      return Optional.empty();
    }
    return Optional.of(v);
  }
}
