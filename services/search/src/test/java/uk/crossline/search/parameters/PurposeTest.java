package uk.crossline.search.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;

class PurposeTest {

  @Test
  void purposeOfFiveToFiveHundredCharactersIsTakenStripped() {
    List<FieldProblem> problems = new ArrayList<>();

    assertThat(QueryParameters.purpose("  weekly review  ", problems)).isEqualTo("weekly review");
    assertThat(QueryParameters.purpose("x".repeat(500), problems)).hasSize(500);
    assertThat(problems).isEmpty();
  }

  @Test
  void missingShortLongOrControlCharacterPurposeIsRefusedNamingIt() {
    for (String given : new String[] {null, "", "   why  ", "x".repeat(501), "why?\nbecause"}) {
      List<FieldProblem> problems = new ArrayList<>();
      QueryParameters.purpose(given, problems);
      assertThat(problems)
          .as("%s", given)
          .extracting(FieldProblem::field)
          .containsExactly("purpose");
    }
    assertThatThrownBy(() -> QueryParameters.purpose("why")).isInstanceOf(ProblemException.class);
  }
}
