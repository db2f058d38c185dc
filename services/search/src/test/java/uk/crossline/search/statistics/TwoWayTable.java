package uk.crossline.search.statistics;

import java.util.ArrayList;
import java.util.List;
import uk.crossline.search.statistics.SmallNumbers.Sum;

/**
 * A two-way table with its margins laid out as linked cells for {@link SmallNumbers}: the interior
 * row by row, then the row totals, the column totals and the grand total.
 */
record TwoWayTable(int rows, int columns, long[] counts, List<Sum> sums) {

  static TwoWayTable of(long[][] interior) {
    int rows = interior.length;
    int columns = interior[0].length;
    long[] counts = new long[rows * columns + rows + columns + 1];
    List<Sum> sums = new ArrayList<>();
    TwoWayTable table = new TwoWayTable(rows, columns, counts, sums);
    long grand = 0;
    for (int r = 0; r < rows; r++) {
      List<Integer> members = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        counts[table.cell(r, c)] = interior[r][c];
        counts[table.rowTotal(r)] += interior[r][c];
        counts[table.columnTotal(c)] += interior[r][c];
        grand += interior[r][c];
        members.add(table.cell(r, c));
      }
      sums.add(Sum.of(table.rowTotal(r), members));
    }
    for (int c = 0; c < columns; c++) {
      List<Integer> members = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        members.add(table.cell(r, c));
      }
      sums.add(Sum.of(table.columnTotal(c), members));
    }
    counts[table.grandTotal()] = grand;
    List<Integer> rowTotals = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      rowTotals.add(table.rowTotal(r));
    }
    List<Integer> columnTotals = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      columnTotals.add(table.columnTotal(c));
    }
    sums.add(Sum.of(table.grandTotal(), rowTotals));
    sums.add(Sum.of(table.grandTotal(), columnTotals));
    return table;
  }

  int cell(int row, int column) {
    return row * columns + column;
  }

  int rowTotal(int row) {
    return rows * columns + row;
  }

  int columnTotal(int column) {
    return rows * columns + rows + column;
  }

  int grandTotal() {
    return rows * columns + rows + columns;
  }

  SmallNumbers.Published publish() {
    return SmallNumbers.publish(counts, sums);
  }
}
