package uk.crossline.search.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.audit.AuditAction;

class AuditQueryTest {

  @Test
  void everyFilterIsRead() {
    // given
    MultiValueMap<String, String> parameters = parameters("purpose", "quarterly review");
    parameters.add("user", "redditch.cso");
    parameters.add("agency", "redditch-bc");
    parameters.add("action", "SEARCH,VIEW");
    parameters.add("eventId", "00000000-0000-8000-8000-000000000000");
    parameters.add("from", "2026-11-01");
    parameters.add("to", "2026-11-30");
    parameters.add("size", "50");

    // when
    AuditQuery query = AuditQuery.read(parameters);

    // then
    assertThat(query.user()).contains("redditch.cso");
    assertThat(query.agency().orElseThrow().value()).isEqualTo("redditch-bc");
    assertThat(query.actions()).containsExactlyInAnyOrder(AuditAction.SEARCH, AuditAction.VIEW);
    assertThat(query.eventIds()).hasSize(1);
    assertThat(query.from()).contains(LocalDate.of(2026, 11, 1));
    assertThat(query.size()).isEqualTo(50);
  }

  @Test
  void unknownParameterIsRefusedByName() {
    MultiValueMap<String, String> parameters = parameters("purpose", "quarterly review");
    parameters.add("colour", "red");

    assertRefused(parameters, "colour");
  }

  @Test
  void badValuesAreRefusedNamingEachField() {
    for (String[] bad :
        new String[][] {
          {"action", "PEEK"},
          {"agency", "Redditch BC"},
          {"eventId", "not-an-id"},
          {"from", "last tuesday"},
          {"size", "1000"},
          {"size", "many"},
          {"chain", "../../etc"}
        }) {
      MultiValueMap<String, String> parameters = parameters("purpose", "quarterly review");
      parameters.add(bad[0], bad[1]);
      assertRefused(parameters, bad[0]);
    }
  }

  @Test
  void lookUpWithoutAPurposeIsRefused() {
    assertRefused(new LinkedMultiValueMap<>(), "purpose");
    assertRefused(parameters("purpose", "why"), "purpose");
  }

  @Test
  void verificationTakesAPurposeAndAChainOnly() {
    MultiValueMap<String, String> parameters = parameters("purpose", "monthly chain check");
    parameters.add("user", "redditch.cso");

    assertThatThrownBy(() -> AuditQuery.Verification.read(parameters))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("user"));
  }

  private static void assertRefused(MultiValueMap<String, String> parameters, String field) {
    assertThatThrownBy(() -> AuditQuery.read(parameters))
        .as("refusing %s", field)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly(field));
  }

  private static MultiValueMap<String, String> parameters(String name, String value) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    parameters.add(name, value);
    return parameters;
  }
}
