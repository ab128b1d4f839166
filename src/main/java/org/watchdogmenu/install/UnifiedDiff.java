package org.watchdogmenu.install;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, three lines of context, as {@code diff -u} prints it. */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff, or an empty string when the texts are equal. */
  static String of(String oldName, String oldText, String newName, String newText) {
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    List<char[]> ops = script(a, b);
    if (ops.stream().allMatch(op -> op[0] == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName).append('\n');
    out.append("+++ ").append(newName).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i)[0] == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
        if (ops.get(end)[0] != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      hunk(out, ops, a, b, start, end);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(
      StringBuilder out, List<char[]> ops, List<String> a, List<String> b, int start, int end) {
    int aLine = 0;
    int bLine = 0;
    for (int k = 0; k < start; k++) {
      aLine += ops.get(k)[0] != '+' ? 1 : 0;
      bLine += ops.get(k)[0] != '-' ? 1 : 0;
    }
    int aCount = 0;
    int bCount = 0;
    StringBuilder body = new StringBuilder();
    for (int k = start; k < end; k++) {
      char op = ops.get(k)[0];
      String line = op == '+' ? b.get(bLine + bCount) : a.get(aLine + aCount);
      body.append(op).append(line).append('\n');
      aCount += op != '+' ? 1 : 0;
      bCount += op != '-' ? 1 : 0;
    }
    out.append("@@ -")
        .append(range(aLine, aCount))
        .append(" +")
        .append(range(bLine, bCount))
        .append(" @@\n")
        .append(body);
  }

  private static String range(int from, int count) {
    return (count == 0 ? from : from + 1) + "," + count;
  }

  /**
   * The edit script: ' ' keep, '-' delete from a, '+' insert from b (longest common subsequence).
   */
  private static List<char[]> script(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<char[]> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        i++;
      } else {
        ops.add(new char[] {'+'});
        j++;
      }
    }
    return ops;
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      return lines;
    }
    String[] parts = text.split("\n", -1);
    int n = text.endsWith("\n") ? parts.length - 1 : parts.length;
    for (int k = 0; k < n; k++) {
      lines.add(parts[k]);
    }
    if (!text.endsWith("\n")) {
      lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n\\ No newline at end of file");
    }
    return lines;
  }
}
