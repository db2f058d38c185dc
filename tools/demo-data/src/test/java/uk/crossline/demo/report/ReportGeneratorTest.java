package uk.crossline.demo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.demo.report.DemoDataSet.AS_OF;
import static uk.crossline.demo.report.DemoDataSet.SEED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportGeneratorTest {

  private static final JsonMapper JSON = FormJson.mapper();

  @Test
  void sameSeedThenTheSameReportsByteForByte() {
    var first = json(new ReportGenerator(SEED, AS_OF).generate(600));
    var second = json(new ReportGenerator(SEED, AS_OF).generate(600));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void otherSeedThenOtherReportsUnderOtherReferences() {
    var ours = new ReportGenerator(SEED, AS_OF).generate(200);
    var theirs = new ReportGenerator(SEED + 1, AS_OF).generate(200);

    assertThat(json(theirs)).isNotEqualTo(json(ours));
    var ourReferences = references(ours);
    assertThat(references(theirs)).doesNotContainAnyElementsOf(ourReferences);
  }

  @Test
  void largerDataSetThenTheSmallerOneIsItsStart() {
    var small = new ReportGenerator(SEED, AS_OF).generate(100);
    var large = new ReportGenerator(SEED, AS_OF).generate(600);

    small.forEach(
        (submitter, reports) ->
            assertThat(json(Map.of(submitter, reports)))
                .isEqualTo(
                    json(Map.of(submitter, large.get(submitter).subList(0, reports.size())))));
  }

  @Test
  void sharesAddUpToTheNumberAskedFor() {
    for (int reports : List.of(1, 7, 10, 99, 600, 601, 1000, 12_345)) {
      assertThat(
              ReportGenerator.shares(reports).values().stream().mapToInt(Integer::intValue).sum())
          .as("%d reports", reports)
          .isEqualTo(reports);
    }
    assertThat(ReportGenerator.shares(600))
        .containsEntry(Submitter.POLICE_ANALYST, 180)
        .containsEntry(Submitter.TS_OFFICER, 84);
  }

  @Test
  void referencesAreUniqueAndOfTheFormTheIntakeTakes() {
    var references = references(DemoDataSet.DATA);

    assertThat(references).doesNotHaveDuplicates().hasSize(DemoDataSet.REPORTS);
    assertThat(references)
        .allSatisfy(
            r -> assertThat(r).matches("[\\p{Alnum}][\\p{Alnum}/_.:-]*").hasSizeLessThan(100));
  }

  private static List<String> json(Map<Submitter, List<DemoReport>> data) {
    List<String> lines = new ArrayList<>();
    data.forEach(
        (submitter, reports) ->
            reports.forEach(r -> lines.add(submitter + " " + JSON.writeValueAsString(r.form()))));
    return lines;
  }

  private static List<String> references(Map<Submitter, List<DemoReport>> data) {
    return data.values().stream().flatMap(List::stream).map(DemoReport::reference).toList();
  }
}
