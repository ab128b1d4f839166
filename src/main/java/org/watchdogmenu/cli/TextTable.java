package org.watchdogmenu.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text columns, each as wide as its widest value and no wider. Given a width, the
 * columns that may be cut give up characters (the widest first, down to their minimum) until the
 * lines fit; a cut value ends in the style's ellipsis. Colours are added after the padding, so they
 * never count as width.
 */
final class TextTable {
  /** Two spaces between columns. */
  static final String GAP = "  ";

  /**
   * @param min the narrowest a column that may be cut gets
   * @param cut whether values may be cut to make the table fit
   */
  record Column(String header, int min, boolean cut) {
    static Column fixed(String header) {
      return new Column(header, header.length(), false);
    }

    static Column cut(String header, int min) {
      return new Column(header, Math.max(1, min), true);
    }
  }

  /** One value and its colour. */
  record Cell(String text, TextStyle.Tone tone) {
    static Cell of(String text) {
      return new Cell(text, TextStyle.Tone.PLAIN);
    }
  }

  private final List<Column> columns;
  private final List<List<Cell>> rows = new ArrayList<>();

  TextTable(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  void add(List<Cell> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException("a row needs " + columns.size() + " values");
    }
    rows.add(List.copyOf(row));
  }

  /**
   * The header and the rows, without trailing spaces.
   *
   * @param width the widest a line may be, or 0 for no limit (nothing is cut)
   */
  List<String> render(TextStyle style, int width) {
    int n = columns.size();
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = columns.get(i).header().length();
      for (List<Cell> row : rows) {
        w[i] = Math.max(w[i], row.get(i).text().length());
      }
    }
    if (width > 0) {
      int total = GAP.length() * (n - 1);
      for (int x : w) {
        total += x;
      }
      while (total > width) {
        int widest = -1;
        for (int i = 0; i < n; i++) {
          Column c = columns.get(i);
          if (c.cut() && w[i] > c.min() && (widest < 0 || w[i] > w[widest])) {
            widest = i;
          }
        }
        if (widest < 0) {
          break;
        }
        w[widest]--;
        total--;
      }
    }
    List<String> lines = new ArrayList<>();
    List<Cell> header = new ArrayList<>();
    columns.forEach(c -> header.add(Cell.of(c.header())));
    lines.add(line(header, w, style));
    rows.forEach(r -> lines.add(line(r, w, style)));
    return lines;
  }

  private static String line(List<Cell> cells, int[] w, TextStyle style) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String text = style.fit(cells.get(i).text(), w[i]);
      b.append(style.paint(text, cells.get(i).tone()));
      if (i < cells.size() - 1) {
        b.append(" ".repeat(w[i] - text.length())).append(GAP);
      }
    }
    return b.toString().stripTrailing();
  }
}
