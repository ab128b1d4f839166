package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Long lines of text folded to the width (at a space where one is near, else anywhere), so a
 * preview or a log shows every character. Continuation rows are indented by two spaces.
 */
final class Wrap {
  private Wrap() {}

  /** How many rows a text takes at this width. */
  static int rows(String text, int width) {
    return split(text, width).size();
  }

  static List<Line> lines(List<Line> lines, int width) {
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      List<String> parts = split(l.text(), width);
      if (parts.size() == 1) {
        out.add(l);
        continue;
      }
      parts.forEach(p -> out.add(new Line(p, l.tone(), null, l.stateTone(), l.selected())));
    }
    return out;
  }

  /** Paragraphs of prose folded to the width, with no indent on their continuation rows. */
  static List<Line> prose(List<Line> lines, int width) {
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      for (String p : split(l.text(), width, "")) {
        out.add(new Line(p, l.tone(), null, l.stateTone(), l.selected()));
      }
    }
    return out;
  }

  static List<String> split(String text, int width) {
    return split(text, width, "  ");
  }

  private static List<String> split(String text, int width, String continuation) {
    int w = Math.max(10, width);
    List<String> parts = new ArrayList<>();
    String rest = text;
    String indent = "";
    while (indent.length() + rest.length() > w) {
      int room = w - indent.length();
      int cut = rest.lastIndexOf(' ', room);
      if (cut < room / 2) {
        cut = room;
      }
      parts.add(indent + rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
      indent = continuation;
    }
    parts.add(indent + rest);
    return parts;
  }
}
