package org.watchdogmenu.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text columns, each as wide as its widest value and no wider. Given a width, the
 * columns that may be cut give up characters until the lines fit: first down to the width each
 * keeps, then down to its minimum, the one most over first; a cut value ends in the style's
 * ellipsis. Colours are added after the padding, so they never count as width.
 */
final class TextTable {
  /** Two spaces between columns. */
  static final String GAP = "  ";

  /**
   * @param keep the width a column that may be cut keeps while others are wider than theirs
   * @param min the narrowest a column that may be cut gets
   * @param cut whether values may be cut to make the table fit
   */
  record Column(String header, int keep, int min, boolean cut) {
    static Column fixed(String header) {
      return new Column(header, header.length(), header.length(), false);
    }

    static Column cut(String header, int keep, int min) {
      return new Column(header, Math.max(1, keep), Math.max(1, Math.min(min, keep)), true);
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
      // first down to what each column keeps, then down to its minimum: the widest first
      for (boolean toMin : new boolean[] {false, true}) {
        while (total > width) {
          int widest = -1;
          int most = 0;
          for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            int over = w[i] - (toMin ? c.min() : c.keep());
            if (c.cut() && over > most) {
              widest = i;
              most = over;
            }
          }
          if (widest < 0) {
            break;
          }
          w[widest]--;
          total--;
        }
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
