package uk.crossline.search.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.search.statistics.StatisticsRequest.Format;

class StatisticsRequestTest {

  private static final YearMonth NOW = YearMonth.of(2026, 11);

  @Test
  void withoutARangeTheLastTwelveWholeMonthsAreCounted() {
    StatisticsRequest request = StatisticsRequest.read(parameters("purpose", "panel meeting"), NOW);

    assertThat(request.from()).isEqualTo(YearMonth.of(2025, 11));
    assertThat(request.to()).isEqualTo(YearMonth.of(2026, 10));
    assertThat(request.format()).isEmpty();
    assertThat(request.purpose()).isEqualTo("panel meeting");
  }

  @Test
  void aRangeOfUpToThirtySixMonthsIsAccepted() {
    StatisticsRequest request =
        StatisticsRequest.read(
            parameters(
                "purpose", "panel meeting", "from", "2023-12", "to", "2026-11", "format", "CSV"),
            NOW);

    assertThat(request.from()).isEqualTo(YearMonth.of(2023, 12));
    assertThat(request.to()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(request.format()).isEqualTo(Optional.of(Format.CSV));
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertRefused(parameters("from", "2026-01"), "purpose");
    assertRefused(parameters("purpose", "panel meeting", "from", "2026-1"), "from");
    assertRefused(parameters("purpose", "panel meeting", "to", "2026-13"), "to");
    assertRefused(parameters("purpose", "panel meeting", "from", "last year"), "from");
    assertRefused(parameters("purpose", "panel meeting", "district", "redditch"), "district");
    assertRefused(parameters("purpose", "panel meeting", "format", "xlsx"), "format");
    assertRefused(parameters("purpose", "panel meeting", "from", "2026-05", "to", "2026-04"), "to");
    assertRefused(
        parameters("purpose", "panel meeting", "from", "2023-11", "to", "2026-11"), "from");
    assertRefused(parameters("purpose", "panel meeting", "to", "2026-12"), "to");
    assertRefused(parameters("purpose", "panel meeting", "from", "2026-11"), "from");
  }

  private static void assertRefused(MultiValueMap<String, String> parameters, String field) {
    assertThatThrownBy(() -> StatisticsRequest.read(parameters, NOW))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem ->
                assertThat(problem.errors())
                    .extracting(FieldProblem::field)
                    .containsExactly(field));
  }

  private static MultiValueMap<String, String> parameters(String... pairs) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.add(pairs[i], pairs[i + 1]);
    }
    return parameters;
  }
}
