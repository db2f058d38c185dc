package uk.crossline.search.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * The statistics as published: every table after the small-number rules. Nothing here is an
 * unrounded count.
 *
 * @param from the first month counted, {@code YYYY-MM}
 * @param to the last month counted, {@code YYYY-MM}
 * @param markings the markings counted (CLEAR and GREEN only)
 * @param notes how to read the numbers: suppression and rounding
 * @param tables in a fixed order
 */
record Statistics(
    String partnership,
    String from,
    String to,
    List<String> markings,
    List<String> notes,
    List<Table> tables) {

  /**
   * One table: every row and column of its vocabulary, empty ones included, so whether a row is
   * there reveals nothing; a {@code total} row (and, in a two-way table, a {@code total} column).
   *
   * @param name stable key: priority, category, district, agencyType, month, priorityByDistrict
   * @param rows in order, the total last
   * @param columns in order, the total last; a one-way table has the single column {@code count}
   * @param cells one per row and column, row by row
   */
  record Table(
      String name, String title, List<Heading> rows, List<Heading> columns, List<Cell> cells) {}

  /** A row or column: its stable key and the words people read. */
  record Heading(String key, String label) {}

  /**
   * One published cell.
   *
   * @param count the count rounded to the nearest 5; empty (null) when suppressed
   * @param suppressed true when the count is withheld ({@code [c]} in CSV)
   */
  record Cell(
      String row,
      String column,
      @Schema(nullable = true, description = "rounded to the nearest 5; null when suppressed")
          Optional<Long> count,
      boolean suppressed) {}
}
