package org.watchdogmenu.apply;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a key of a desired-state file is: its line, for messages of the form {@code FILE line N:
 * KEY: what to do}. A key path is a list of names and list indexes, e.g. {@code schedules,
 * paqet-client, health} or {@code alerts, channels, 0, url_env}.
 */
final class FileLines {
  private final String file;
  private final Node root;

  FileLines(String file, String text) {
    this.file = file;
    Node composed;
    try {
      composed = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (RuntimeException e) {
      composed = null;
    }
    this.root = composed;
  }

  /** The file as messages name it. */
  String file() {
    return file;
  }

  /** The line (1-based) of the deepest part of the path that is in the file; 1 when none is. */
  int line(List<Object> path) {
    Node node = root;
    int line = 1;
    for (Object step : path) {
      Node next = null;
      if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(String.valueOf(step))) {
            line = k.getStartMark().getLine() + 1;
            next = t.getValueNode();
            break;
          }
        }
      } else if (node instanceof SequenceNode s
          && step instanceof Integer i
          && i >= 0
          && i < s.getValue().size()) {
        next = s.getValue().get(i);
        line = next.getStartMark().getLine() + 1;
      }
      if (next == null) {
        break;
      }
      node = next;
    }
    return line;
  }

  /** {@code FILE line N: KEY: problem}, KEY written {@code a.b[0].c}. */
  ApplyFileException problem(List<Object> path, String problem) {
    return new ApplyFileException(
        file + " line " + line(path) + ": " + (path.isEmpty() ? "" : key(path) + ": ") + problem);
  }

  /** The key path as a person reads it: {@code alerts.channels[0].url_env}. */
  static String key(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(step);
      }
    }
    return sb.toString();
  }
}
