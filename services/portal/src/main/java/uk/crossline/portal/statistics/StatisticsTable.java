package uk.crossline.portal.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One table of the statistics API, as the page draws it: rows and columns in the API's order, each
 * cell a rounded count or suppressed ({@code [c]}), exactly as published. A one-column table also
 * gets a bar per row, as long as its count is against the largest shown row (totals aside).
 *
 * @param name the API's table name ({@code priority}, {@code priorityByDistrict}, ...)
 */
public record StatisticsTable(String name, String title, List<Heading> columns, List<Row> rows) {

  /** How a suppressed cell reads, as ONS and the API's CSV write it. */
  public static final String SUPPRESSED = "[c]";

  /** A row or column: the API's key and its label. */
  public record Heading(String key, String label) {

    public boolean total() {
      return key.equals("total");
    }
  }

  /** A row: its heading and its cells, one per column. */
  public record Row(Heading heading, List<Cell> cells) {

    public boolean total() {
      return heading.total();
    }

    /** The single cell of a one-column table's row. */
    public Cell cell() {
      return cells.getFirst();
    }
  }

  /**
   * A published cell.
   *
   * @param count the rounded count; empty when suppressed
   * @param bar the bar's length as a percentage of the longest (0 when suppressed or a total)
   */
  public record Cell(Optional<Long> count, boolean suppressed, int bar) {

    public String text() {
      return suppressed || count.isEmpty() ? SUPPRESSED : String.format("%,d", count.get());
    }
  }

  /** A one-way table (one {@code count} column) is drawn with bars. */
  public boolean oneWay() {
    return columns.size() == 1;
  }

  /** What the rows are, for the first column's heading. */
  public String rowHeader() {
    return switch (name) {
      case "priority", "priorityByDistrict" -> "Partnership priority";
      case "category" -> "Category";
      case "district" -> "District";
      case "agencyType" -> "Type of reporting agency";
      case "month" -> "Month observed";
      default -> "";
    };
  }

  static StatisticsTable of(JsonNode table) {
    List<Heading> columns = headings(table.path("columns"));
    List<Heading> rowHeadings = headings(table.path("rows"));
    Map<String, JsonNode> cells = new HashMap<>();
    table
        .path("cells")
        .forEach(
            cell ->
                cells.put(
                    cell.path("row").asString() + "\u0000" + cell.path("column").asString(), cell));
    long longest = 0;
    for (Heading row : rowHeadings) {
      for (Heading column : columns) {
        JsonNode cell = cells.get(row.key() + "\u0000" + column.key());
        if (!row.total() && !column.total() && cell != null && cell.path("count").isNumber()) {
          longest = Math.max(longest, cell.path("count").asLong());
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Heading row : rowHeadings) {
      List<Cell> line = new ArrayList<>();
      for (Heading column : columns) {
        line.add(cell(cells.get(row.key() + "\u0000" + column.key()), longest, row.total()));
      }
      rows.add(new Row(row, List.copyOf(line)));
    }
    return new StatisticsTable(
        table.path("name").asString(), table.path("title").asString(), columns, List.copyOf(rows));
  }

  /** A cell the API left out is read as suppressed: the page never makes up a count. */
  private static Cell cell(JsonNode cell, long longest, boolean total) {
    if (cell == null
        || cell.path("suppressed").asBoolean(false)
        || !cell.path("count").isNumber()) {
      return new Cell(Optional.empty(), true, 0);
    }
    long count = cell.path("count").asLong();
    int bar = total || longest == 0 ? 0 : (int) Math.round(100.0 * count / longest);
    return new Cell(Optional.of(count), false, bar);
  }

  private static List<Heading> headings(JsonNode headings) {
    List<Heading> read = new ArrayList<>();
    headings.forEach(
        h -> read.add(new Heading(h.path("key").asString(), h.path("label").asString())));
    return List.copyOf(read);
  }
}
