package uk.crossline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.demo.report.Form;
import uk.crossline.demo.report.FormJson;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

class WorkloadTest {

  @Test
  void eachRoundHasReferencesOfItsOwnSoTheIntakeNeverAnswersDuplicates() {
    // given one workload
    var workload = new Workload(7, LocalDate.of(2026, 11, 20));
    // when two rounds are drawn
    Set<String> first =
        references(workload.next(200).values().stream().flatMap(List::stream).toList());
    Set<String> second =
        references(workload.next(200).values().stream().flatMap(List::stream).toList());
    // then they share no reference, and every agency of the partnership sends some
    assertThat(first).hasSize(200).doesNotContainAnyElementsOf(second);
    assertThat(workload.next(200)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void theMarkerIsAppendedToTheSummaryAndNothingElseChanges() {
    // given every kind of form
    var workload = new Workload(7, LocalDate.of(2026, 11, 20));
    var json = FormJson.mapper();
    for (List<Form> forms : workload.next(300).values()) {
      Form form = forms.getFirst();
      // when a marker is added
      Form marked = Workload.withMarker(form, "benchprobeabc");
      // then only the summary differs, by the marker at its end
      assertThat(marked.summary()).isEqualTo(form.summary() + " benchprobeabc");
      assertThat(json.writeValueAsString(marked))
          .isEqualTo(
              json.writeValueAsString(form)
                  .replace(
                      json.writeValueAsString(form.summary()),
                      json.writeValueAsString(marked.summary())));
    }
  }

  @Test
  void markersAreWordsOfLettersOnlyAndDistinct() {
    Set<String> markers = new HashSet<>();
    for (int n = 0; n < 1_000; n++) {
      String marker = Workload.marker("run", n);
      assertThat(marker).matches("[a-z]+");
      markers.add(marker);
    }
    assertThat(markers).hasSize(1_000);
  }

  @Test
  void alertableReportsAreOfTheCategoryAndForEveryPartner() {
    var workload = new Workload(7, LocalDate.of(2026, 11, 20));
    List<Form> forms = workload.alertable(5, Category.DRUG_DEALING);
    assertThat(forms).hasSize(5);
    assertThat(forms)
        .allSatisfy(
            form -> {
              assertThat(form.category()).isEqualTo(Category.DRUG_DEALING);
              assertThat(form.marking().tlp()).isIn(Tlp.CLEAR, Tlp.GREEN);
              assertThat(form.marking().officialSensitive()).isFalse();
            });
  }

  private static Set<String> references(List<Form> forms) {
    Set<String> references = new HashSet<>();
    forms.forEach(f -> references.add(f.reference()));
    return references;
  }
}
