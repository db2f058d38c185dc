package uk.crossline.search.statistics;

import uk.crossline.search.statistics.Statistics.Cell;
import uk.crossline.search.statistics.Statistics.Table;

/**
 * The statistics as a tidy CSV ({@code table,row,column,value}, one line per published cell, as in
 * the JSON), suppressed cells as {@code [c]} the way ONS writes them. The notes come first as lines
 * starting with {@code #}, which spreadsheet users read and CSV readers can skip as comments.
 */
final class StatisticsCsv {

  static final String MEDIA_TYPE = "text/csv";
  static final String SUPPRESSED = "[c]";
  static final String HEADER = "table,row,column,value";

  private static final String LINE = "\r\n";

  private StatisticsCsv() {}

  static String write(Statistics statistics) {
    StringBuilder csv = new StringBuilder();
    csv.append("# ")
        .append(statistics.partnership())
        .append(": statistics from ")
        .append(statistics.from())
        .append(" to ")
        .append(statistics.to())
        .append(", markings ")
        .append(String.join(" and ", statistics.markings()))
        .append(LINE);
    for (String note : statistics.notes()) {
      csv.append("# ").append(note).append(LINE);
    }
    csv.append(HEADER).append(LINE);
    for (Table table : statistics.tables()) {
      for (Cell cell : table.cells()) {
        csv.append(field(table.name()))
            .append(',')
            .append(field(cell.row()))
            .append(',')
            .append(field(cell.column()))
            .append(',')
            .append(cell.count().map(String::valueOf).orElse(SUPPRESSED))
            .append(LINE);
      }
    }
    return csv.toString();
  }

  /** Keys are words and months; quoted all the same should one ever hold a comma or a quote. */
  private static String field(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
