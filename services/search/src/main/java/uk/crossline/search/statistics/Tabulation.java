package uk.crossline.search.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.crossline.model.AgencyType;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.statistics.SmallNumbers.Sum;
import uk.crossline.search.statistics.Statistics.Cell;
import uk.crossline.search.statistics.Statistics.Heading;
import uk.crossline.search.statistics.Statistics.Table;

/**
 * Lays the raw counts out as the published tables and applies the small-number rules to all of them
 * at once. The tables share cells (a priority's count is a row of the priority table and the margin
 * of the priority-by-district table; the grand total ends every table), and the sums that link them
 * (a priority is the sum of its categories, its districts) all take part in secondary suppression,
 * so no table can be used to work out a cell another one suppresses.
 */
final class Tabulation {

  static final String TOTAL = "total";
  static final String COUNT = "count";
  static final String ELSEWHERE = "elsewhere";
  static final List<Tlp> MARKINGS = List.of(Tlp.CLEAR, Tlp.GREEN);

  static final List<String> NOTES =
      List.of(
          "Counts of the live CLEAR and GREEN events your agency receives, by the month (UTC) they"
              + " were observed. Amended reports count once; retracted reports do not count.",
          "Suppressed counts are shown as [c] (in JSON: count null, suppressed true). Every count"
              + " under 10, zero included, is suppressed, and so are further counts wherever one"
              + " could otherwise be worked out from the totals and the other counts.",
          "Other counts are rounded to the nearest 5. Totals are counted from the unrounded"
              + " figures and then rounded, so shown counts need not add up to their total.",
          "District is where the event happened: the partnership's districts, then events"
              + " elsewhere.");

  private static final Heading TOTAL_ROW = new Heading(TOTAL, "Total");
  private static final Heading COUNT_COLUMN = new Heading(COUNT, "Events");

  private final List<Long> counts = new ArrayList<>();
  private final List<Sum> sums = new ArrayList<>();
  private final List<Layout> layouts = new ArrayList<>();

  /** A table before publication: which cell sits at each row and column. */
  private record Layout(
      String name, String title, List<Heading> rows, List<Heading> columns, int[][] cells) {}

  private Tabulation() {}

  /**
   * The published statistics.
   *
   * @param districts the partnership's districts, in the order the panel reads them
   */
  static Statistics tabulate(
      String partnership, RawCounts raw, YearMonth from, YearMonth to, List<Heading> districts) {
    Tabulation t = new Tabulation();
    int grand = t.cell(raw.total());

    List<Priority> priorities = Arrays.asList(Priority.values());
    int[] priority = t.oneWay(priorities, p -> count(raw.priorities().get(p)));
    t.sum(grand, priority);
    t.layout(
        "priority",
        "Events by partnership priority",
        headings(priorities, Priority::name, Priority::label),
        priority,
        grand);

    List<Category> categories = Arrays.asList(Category.values());
    int[] category = t.oneWay(categories, c -> count(raw.categories().get(c)));
    t.sum(grand, category);
    for (int p = 0; p < priorities.size(); p++) {
      List<Integer> members = new ArrayList<>();
      for (int c = 0; c < categories.size(); c++) {
        if (categories.get(c).priority() == priorities.get(p)) {
          members.add(category[c]);
        }
      }
      t.sums.add(Sum.of(priority[p], members));
    }
    t.layout(
        "category",
        "Events by category",
        headings(categories, Category::name, Category::label),
        category,
        grand);

    List<String> districtKeys = new ArrayList<>(districts.stream().map(Heading::key).toList());
    List<Heading> districtRows = new ArrayList<>(districts);
    districtRows.add(new Heading(ELSEWHERE, "Outside the partnership's districts"));
    int[] district =
        t.oneWay(districtRows, d -> inDistrict(raw.districts(), d.key(), districtKeys));
    t.sum(grand, district);
    t.layout("district", "Events by district", districtRows, district, grand);

    List<AgencyType> agencyTypes = Arrays.asList(AgencyType.values());
    int[] agencyType = t.oneWay(agencyTypes, a -> count(raw.agencyTypes().get(a)));
    t.sum(grand, agencyType);
    t.layout(
        "agencyType",
        "Events by type of reporting agency",
        headings(agencyTypes, AgencyType::name, Tabulation::label),
        agencyType,
        grand);

    List<YearMonth> months = new ArrayList<>();
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      months.add(month);
    }
    int[] month = t.oneWay(months, m -> count(raw.months().get(m)));
    t.sum(grand, month);
    t.layout(
        "month",
        "Events by month observed",
        headings(months, YearMonth::toString, YearMonth::toString),
        month,
        grand);

    int[][] cross = new int[priorities.size()][districtRows.size()];
    for (int p = 0; p < priorities.size(); p++) {
      var byDistrict = raw.priorityByDistrict().getOrDefault(priorities.get(p), Map.of());
      for (int d = 0; d < districtRows.size(); d++) {
        cross[p][d] = t.cell(inDistrict(byDistrict, districtRows.get(d).key(), districtKeys));
      }
      t.sum(priority[p], cross[p]);
    }
    for (int d = 0; d < districtRows.size(); d++) {
      int[] column = new int[priorities.size()];
      for (int p = 0; p < priorities.size(); p++) {
        column[p] = cross[p][d];
      }
      t.sum(district[d], column);
    }
    List<Heading> crossRows =
        new ArrayList<>(headings(priorities, Priority::name, Priority::label));
    crossRows.add(TOTAL_ROW);
    List<Heading> crossColumns = new ArrayList<>(districtRows);
    crossColumns.add(TOTAL_ROW);
    int[][] crossCells = new int[crossRows.size()][crossColumns.size()];
    for (int p = 0; p < priorities.size(); p++) {
      System.arraycopy(cross[p], 0, crossCells[p], 0, districtRows.size());
      crossCells[p][districtRows.size()] = priority[p];
    }
    System.arraycopy(district, 0, crossCells[priorities.size()], 0, districtRows.size());
    crossCells[priorities.size()][districtRows.size()] = grand;
    t.layouts.add(
        new Layout(
            "priorityByDistrict",
            "Events by partnership priority and district",
            crossRows,
            crossColumns,
            crossCells));

    return t.publish(partnership, from, to);
  }

  private Statistics publish(String partnership, YearMonth from, YearMonth to) {
    long[] values = counts.stream().mapToLong(Long::longValue).toArray();
    SmallNumbers.Published published = SmallNumbers.publish(values, sums);
    List<Table> tables = new ArrayList<>();
    for (Layout layout : layouts) {
      List<Cell> cells = new ArrayList<>();
      for (int r = 0; r < layout.rows().size(); r++) {
        for (int c = 0; c < layout.columns().size(); c++) {
          int cell = layout.cells()[r][c];
          boolean suppressed = published.isSuppressed(cell);
          cells.add(
              new Cell(
                  layout.rows().get(r).key(),
                  layout.columns().get(c).key(),
                  suppressed ? Optional.empty() : Optional.of(published.shown(cell)),
                  suppressed));
        }
      }
      tables.add(
          new Table(
              layout.name(),
              layout.title(),
              List.copyOf(layout.rows()),
              List.copyOf(layout.columns()),
              List.copyOf(cells)));
    }
    return new Statistics(
        partnership,
        from.toString(),
        to.toString(),
        MARKINGS.stream().map(Tlp::label).toList(),
        NOTES,
        List.copyOf(tables));
  }

  private int cell(long count) {
    counts.add(count);
    return counts.size() - 1;
  }

  private <T> int[] oneWay(List<T> rows, Function<T, Long> count) {
    int[] cells = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      cells[i] = cell(count.apply(rows.get(i)));
    }
    return cells;
  }

  private void sum(int total, int[] members) {
    sums.add(Sum.of(total, Arrays.stream(members).boxed().toList()));
  }

  private void layout(String name, String title, List<Heading> rows, int[] cells, int total) {
    List<Heading> all = new ArrayList<>(rows);
    all.add(TOTAL_ROW);
    int[][] grid = new int[all.size()][1];
    for (int i = 0; i < cells.length; i++) {
      grid[i][0] = cells[i];
    }
    grid[cells.length][0] = total;
    layouts.add(new Layout(name, title, all, List.of(COUNT_COLUMN), grid));
  }

  /** The count of a district row: one of the partnership's, or every other district together. */
  private static long inDistrict(
      Map<String, Long> byDistrict, String key, List<String> partnershipDistricts) {
    if (!key.equals(ELSEWHERE)) {
      return count(byDistrict.get(key));
    }
    return byDistrict.entrySet().stream()
        .filter(e -> !partnershipDistricts.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static long count(Long count) {
    return count == null ? 0 : count;
  }

  private static <T> List<Heading> headings(
      List<T> values, Function<T, String> key, Function<T, String> label) {
    return values.stream().map(v -> new Heading(key.apply(v), label.apply(v))).toList();
  }

  private static String label(AgencyType type) {
    return switch (type) {
      case POLICE -> "Police";
      case TRADING_STANDARDS -> "Trading standards";
      case EDUCATION -> "Education";
      case YOUTH_SERVICES -> "Youth services";
      case LOCAL_AUTHORITY -> "Local authority";
    };
  }
}
