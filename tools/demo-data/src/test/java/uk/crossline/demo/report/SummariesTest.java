package uk.crossline.demo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.model.pseudonymisation.RedactionContext;
import uk.crossline.model.pseudonymisation.Redactor;
import uk.crossline.model.vocabulary.IdentifierType;

class SummariesTest {

  private static final String TYPED_NUMBER = " Number given: ";

  @Test
  void summariesReadTheSameAfterTheHubsRedactionExceptANumberTypedOnPurpose() {
    int typed = 0;
    for (DemoReport report : DemoDataSet.all()) {
      var form = report.form();
      String redacted = Redactor.standard().redact(form.summary(), contextOf(form));
      int cut = form.summary().indexOf(TYPED_NUMBER);
      if (cut < 0) {
        assertThat(redacted).as(report.reference()).isEqualTo(form.summary());
      } else {
        typed++;
        assertThat(redacted)
            .isEqualTo(form.summary().substring(0, cut) + TYPED_NUMBER + "[phone].");
      }
    }
    assertThat(typed).isPositive();
  }

  @Test
  void summariesAreVariedAndHoldNoUnfilledSlot() {
    var summaries = DemoDataSet.all().stream().map(r -> r.form().summary()).toList();

    assertThat(summaries)
        .allSatisfy(s -> assertThat(s).doesNotContain("{", "}").hasSizeLessThan(4000));
    assertThat(new HashSet<>(summaries)).hasSizeGreaterThan(summaries.size() * 3 / 4);
  }

  @Test
  void templatesHoldNoDigitsThatCouldPassForANumberOrDate() {
    assertThat(Summaries.allTemplates())
        .allSatisfy(t -> assertThat(t.replace("600-puff", "")).doesNotContainPattern("[0-9]"));
  }

  /** What the intake knows when it redacts: names and handles given, premises kept. */
  private static RedactionContext contextOf(Form form) {
    Set<String> names = new HashSet<>();
    form.identifiers().stream()
        .filter(i -> i.type() == IdentifierType.SOCIAL_MEDIA)
        .map(i -> i.value().replaceFirst("^.*:", "").replaceFirst("^@", ""))
        .forEach(names::add);
    switch (form) {
      case Form.Police police -> police.subjects().forEach(s -> s.name().ifPresent(names::add));
      case Form.Council council -> council.subjects().forEach(s -> s.name().ifPresent(names::add));
      case Form.Safeguarding concern -> concern.youngPerson().name().ifPresent(names::add);
      case Form.TradingStandards ts -> {}
    }
    Set<String> keep = new HashSet<>();
    form.premisesNamed()
        .ifPresent(
            p -> {
              keep.add(p.name());
              keep.add(p.address());
              keep.add(p.postcode());
            });
    return new RedactionContext(names, keep, DemoDataSet.AS_OF);
  }
}
