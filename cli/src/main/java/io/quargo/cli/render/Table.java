package io.quargo.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned columns like Go's tabwriter (padding 3). Cells are measured in code points so the tree's
 * box characters line up; a cell's colour is applied after padding so escape codes never shift columns.
 */
final class Table {
  private record Cell(String text, String phase) {}

  private final List<List<Cell>> rows = new ArrayList<>();
  private final boolean colour;

  Table(boolean colour) {
    this.colour = colour;
  }

  void row(String... cells) {
    List<Cell> r = new ArrayList<>();
    for (String c : cells) {
      r.add(new Cell(c == null ? "" : c, null));
    }
    rows.add(r);
  }

  /** A row whose first cell is coloured by {@code phase}. */
  void phaseRow(String phase, String... cells) {
    row(cells);
    List<Cell> r = rows.get(rows.size() - 1);
    r.set(0, new Cell(r.get(0).text(), phase));
  }

  String render() {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[cols];
    for (List<Cell> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], length(r.get(i).text()));
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<Cell> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        Cell c = r.get(i);
        boolean last = i == r.size() - 1;
        String padded = last ? c.text() : c.text() + " ".repeat(width[i] - length(c.text()) + 3);
        line.append(c.phase() == null ? padded : paintIcon(padded, c.phase()));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** Only the phase symbol is coloured, as argo does. */
  private String paintIcon(String cell, String phase) {
    String icon = PhaseStyle.icon(phase);
    int at = cell.indexOf(icon);
    if (!colour || at < 0) {
      return cell;
    }
    return cell.substring(0, at) + PhaseStyle.paint(icon, phase, true) + cell.substring(at + icon.length());
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
