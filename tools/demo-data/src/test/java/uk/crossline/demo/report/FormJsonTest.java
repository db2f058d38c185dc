package uk.crossline.demo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON carries exactly the fields of the intake's forms, which refuse any other. */
class FormJsonTest {

  private static final JsonMapper JSON = FormJson.mapper();
  private static final Set<String> SHARED =
      Set.of("reference", "observedAt", "where", "indicators", "summary", "marking");

  @Test
  void eachFormHasTheSharedFieldsAtTheTopAndItsOwnBesideThem() {
    assertFields(Form.Police.class, "category", "grading", "subjects", "identifiers", "premises");
    assertFields(
        Form.TradingStandards.class, "visit", "finding", "premises", "identifiers", "grading");
    assertFields(Form.Safeguarding.class, "concern", "youngPerson", "identifiers");
    assertFields(Form.Council.class, "concern", "subjects", "identifiers", "premises");
  }

  @Test
  void timesAreIsoTextAndMarkingsAreWrittenAsInTlp2() {
    JsonNode strict =
        DemoDataSet.all().stream()
            .filter(r -> r.form().marking().tlp() == uk.crossline.model.vocabulary.Tlp.AMBER_STRICT)
            .map(r -> JSON.valueToTree(r.form()))
            .map(JsonNode.class::cast)
            .findFirst()
            .orElseThrow();

    assertThat(strict.path("observedAt").path("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(strict.path("marking").path("tlp").asString()).isEqualTo("AMBER+STRICT");
  }

  private static void assertFields(Class<? extends Form> type, String... own) {
    var forms = DemoDataSet.all().stream().map(DemoReport::form).filter(type::isInstance).toList();
    Set<String> allowed = new java.util.HashSet<>(SHARED);
    allowed.addAll(Set.of(own));
    assertThat(forms).isNotEmpty();
    for (Form form : forms) {
      JsonNode node = JSON.valueToTree(form);
      assertThat(node.propertyNames())
          .as(type.getSimpleName())
          .isSubsetOf(allowed)
          .containsAll(SHARED);
    }
  }
}
