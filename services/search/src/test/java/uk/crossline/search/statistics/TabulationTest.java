package uk.crossline.search.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyType;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.search.statistics.Statistics.Cell;
import uk.crossline.search.statistics.Statistics.Heading;
import uk.crossline.search.statistics.Statistics.Table;

class TabulationTest {

  private static final List<Heading> DISTRICTS =
      StatisticsController.partnershipDistricts(AccessPolicy.bundled(), Gazetteer.bundled());
  private static final YearMonth FROM = YearMonth.of(1999, 11);
  private static final YearMonth TO = YearMonth.of(2000, 2);
  private static final List<String> OUTSIDE = List.of("birmingham", "wychavon", "dudley");

  @Test
  void partnershipDistrictsAreTheMembersHomeDistrictsInFileOrder() {
    assertThat(DISTRICTS)
        .containsExactly(
            new Heading("redditch", "Redditch"),
            new Heading("bromsgrove", "Bromsgrove"),
            new Heading("wyre-forest", "Wyre Forest"));
  }

  @Test
  void everyValueOfEveryVocabularyIsListedEvenWhenNothingWasCounted() {
    Statistics statistics = tabulate(RawCounts.builder().build());

    assertThat(statistics.tables())
        .extracting(Table::name)
        .containsExactly(
            "priority", "category", "district", "agencyType", "month", "priorityByDistrict");
    assertThat(keys(table(statistics, "priority").rows()))
        .hasSize(Priority.values().length + 1)
        .endsWith("total");
    assertThat(keys(table(statistics, "category").rows())).hasSize(Category.values().length + 1);
    assertThat(keys(table(statistics, "district").rows()))
        .containsExactly("redditch", "bromsgrove", "wyre-forest", "elsewhere", "total");
    assertThat(keys(table(statistics, "agencyType").rows()))
        .hasSize(AgencyType.values().length + 1);
    assertThat(keys(table(statistics, "month").rows()))
        .containsExactly("1999-11", "1999-12", "2000-01", "2000-02", "total");
    Table cross = table(statistics, "priorityByDistrict");
    assertThat(cross.cells()).hasSize(5 * 5);
    assertThat(statistics.tables())
        .flatExtracting(Table::cells)
        .allSatisfy(cell -> assertThat(cell.suppressed()).isTrue());
  }

  @Test
  void eventsOutsideThePartnershipsDistrictsCountAsElsewhere() {
    RawCounts.Builder raw = RawCounts.builder();
    for (int i = 0; i < 12; i++) {
      raw.add(Category.DEAL_LINE, "birmingham", AgencyType.POLICE, FROM);
      raw.add(Category.DEAL_LINE, "wychavon", AgencyType.POLICE, FROM);
      raw.add(Category.DEAL_LINE, "redditch", AgencyType.POLICE, FROM);
    }
    Statistics statistics = tabulate(raw.build());

    assertThat(value(statistics, "district", "elsewhere", "count")).contains(25L);
    assertThat(value(statistics, "district", "redditch", "count")).contains(10L);
    assertThat(value(statistics, "district", "total", "count")).contains(35L);
    assertThat(value(statistics, "priorityByDistrict", "REDUCING_VIOLENCE_AND_ABUSE", "elsewhere"))
        .contains(25L);
  }

  @Test
  void cellsSharedByTablesArePublishedAlikeInEach() {
    Random random = new Random(11);
    for (int run = 0; run < 200; run++) {
      Statistics statistics = tabulate(randomCounts(random));
      for (Priority priority : Priority.values()) {
        assertThat(value(statistics, "priority", priority.name(), "count"))
            .isEqualTo(value(statistics, "priorityByDistrict", priority.name(), "total"));
      }
      for (String district : List.of("redditch", "bromsgrove", "wyre-forest", "elsewhere")) {
        assertThat(value(statistics, "district", district, "count"))
            .isEqualTo(value(statistics, "priorityByDistrict", "total", district));
      }
      Optional<Long> grand = value(statistics, "priority", "total", "count");
      for (Table table : statistics.tables()) {
        assertThat(table.cells().getLast().count()).as(table.name()).isEqualTo(grand);
      }
    }
  }

  /**
   * The property over the whole publication, with its linked tables: nothing under 10 shown, every
   * shown count a multiple of 5, and in every table row, column and priority-by-category group
   * whose total is shown, no single suppressed cell.
   */
  @Test
  void randomStatisticsNeverShowASmallCountOrASingleSuppressedCellBesideAShownTotal() {
    Random random = new Random(2026);
    for (int i = 0; i < 500; i++) {
      int run = i;
      Statistics statistics = tabulate(randomCounts(random));

      for (Table table : statistics.tables()) {
        for (Cell cell : table.cells()) {
          cell.count()
              .ifPresent(
                  count -> {
                    assertThat(count).as("run %d %s", run, cell).isGreaterThanOrEqualTo(10);
                    assertThat(count % 5).as("run %d %s", run, cell).isZero();
                  });
          assertThat(cell.count().isEmpty()).isEqualTo(cell.suppressed());
        }
        for (List<Cell> line : lines(table)) {
          assertNoSingleSuppressedCell(line.subList(0, line.size() - 1), line.getLast(), run);
        }
      }
      Table categories = table(statistics, "category");
      for (Priority priority : Priority.values()) {
        List<Cell> members =
            categories.cells().stream()
                .filter(
                    cell ->
                        !cell.row().equals("total")
                            && Category.valueOf(cell.row()).priority() == priority)
                .toList();
        assertNoSingleSuppressedCell(
            members, cell(statistics, "priority", priority.name(), "count"), run);
      }
    }
  }

  private static void assertNoSingleSuppressedCell(List<Cell> members, Cell total, int run) {
    long suppressed = members.stream().filter(Cell::suppressed).count();
    if (!total.suppressed()) {
      assertThat(suppressed)
          .as("run %d: beside shown %s in %s", run, total, members)
          .isNotEqualTo(1);
    } else {
      assertThat(suppressed)
          .as("run %d: beside suppressed %s in %s", run, total, members)
          .isPositive();
    }
  }

  /** Each row and each column of a table, its total cell last. */
  private static List<List<Cell>> lines(Table table) {
    int columns = table.columns().size();
    List<List<Cell>> lines = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      if (columns > 1) {
        lines.add(table.cells().subList(r * columns, (r + 1) * columns));
      }
    }
    for (int c = 0; c < columns; c++) {
      List<Cell> column = new ArrayList<>();
      for (int r = 0; r < table.rows().size(); r++) {
        column.add(table.cells().get(r * columns + c));
      }
      lines.add(column);
    }
    return lines;
  }

  static RawCounts randomCounts(Random random) {
    RawCounts.Builder raw = RawCounts.builder();
    int events = random.nextInt(400);
    Category[] categories = Category.values();
    AgencyType[] types = AgencyType.values();
    List<String> districts = new ArrayList<>(List.of("redditch", "bromsgrove", "wyre-forest"));
    districts.addAll(OUTSIDE);
    for (int i = 0; i < events; i++) {
      // skewed, so some values are common and others rare
      raw.add(
          categories[Math.min(categories.length - 1, (int) Math.abs(random.nextGaussian() * 3))],
          districts.get(Math.min(districts.size() - 1, (int) Math.abs(random.nextGaussian() * 2))),
          types[random.nextInt(types.length)],
          FROM.plusMonths(random.nextInt(4)));
    }
    return raw.build();
  }

  private static Statistics tabulate(RawCounts raw) {
    return Tabulation.tabulate("Test partnership", raw, FROM, TO, DISTRICTS);
  }

  static Table table(Statistics statistics, String name) {
    return statistics.tables().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static Cell cell(Statistics statistics, String table, String row, String column) {
    return table(statistics, table).cells().stream()
        .filter(c -> c.row().equals(row) && c.column().equals(column))
        .findFirst()
        .orElseThrow();
  }

  static Optional<Long> value(Statistics statistics, String table, String row, String column) {
    return cell(statistics, table, row, column).count();
  }

  private static List<String> keys(List<Heading> headings) {
    return headings.stream().map(Heading::key).toList();
  }

  static Map<String, String> asMap(Statistics statistics) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Table table : statistics.tables()) {
      for (Cell cell : table.cells()) {
        map.put(
            table.name() + "," + cell.row() + "," + cell.column(),
            cell.count().map(String::valueOf).orElse("[c]"));
      }
    }
    return map;
  }
}
