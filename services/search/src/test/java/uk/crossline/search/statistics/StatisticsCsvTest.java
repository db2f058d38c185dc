package uk.crossline.search.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.location.Gazetteer;

class StatisticsCsvTest {

  @Test
  void csvCarriesTheSameCellsAsTheJsonWithSuppressedOnesAsC() {
    Statistics statistics =
        Tabulation.tabulate(
            "North Worcestershire Community Safety Partnership",
            TabulationTest.randomCounts(new Random(3)),
            YearMonth.of(1999, 11),
            YearMonth.of(2000, 2),
            StatisticsController.partnershipDistricts(AccessPolicy.bundled(), Gazetteer.bundled()));

    String csv = StatisticsCsv.write(statistics);

    assertThat(read(csv)).isEqualTo(TabulationTest.asMap(statistics));
    assertThat(csv).contains(",[c]\r\n");
    List<String> lines = Arrays.asList(csv.split("\r\n"));
    assertThat(lines.getFirst())
        .startsWith("# North Worcestershire Community Safety Partnership")
        .contains("1999-11 to 2000-02");
    assertThat(lines.stream().filter(l -> l.startsWith("#")).toList())
        .anySatisfy(note -> assertThat(note).contains("[c]").contains("under 10"))
        .anySatisfy(note -> assertThat(note).contains("nearest 5"));
    assertThat(lines.stream().filter(l -> !l.startsWith("#")).findFirst())
        .contains(StatisticsCsv.HEADER);
  }

  /** The CSV's data lines as table,row,column to value; notes and header left out. */
  static Map<String, String> read(String csv) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (String line : csv.split("\r\n")) {
      if (line.startsWith("#") || line.equals(StatisticsCsv.HEADER) || line.isEmpty()) {
        continue;
      }
      int last = line.lastIndexOf(',');
      cells.put(line.substring(0, last), line.substring(last + 1));
    }
    return cells;
  }
}
