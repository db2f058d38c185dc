package uk.crossline.portal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.crossline.testsupport.corpus.BadInput;
import uk.crossline.testsupport.corpus.BadInput.Family;

/**
 * The bad-input corpus's formulas (issue "Hardening") through the portal's CSV export: whatever a
 * label or note might one day carry, no field of the download starts with what a spreadsheet runs.
 */
class CsvGuardCorpusTest {

  static Stream<BadInput> formulas() {
    return BadInput.of(Family.FORMULA).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formulas")
  void aFormulaInAQuotedFieldOpensAsText(BadInput input) {
    String cell = '"' + input.text().replace("\"", "\"\"") + '"';

    String guarded = CsvGuard.guard("table,row,column,value\r\ncategory," + cell + ",count,1\r\n");

    String field = guarded.split("\r\n")[1].substring("category,".length());
    assertThat(field).startsWith("\"'");
  }

  /** Those a CSV may hold without quotes (no comma, quote or line break). */
  static Stream<BadInput> bareFormulas() {
    return formulas()
        .filter(input -> !input.text().contains(",") && !input.text().contains("\""))
        .filter(input -> !input.text().contains("\r"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bareFormulas")
  void aFormulaInABareFieldOpensAsText(BadInput input) {
    String cell = input.text();

    String guarded = CsvGuard.guard("table,row,column,value\r\ncategory," + cell + ",count,1\r\n");

    assertThat(guarded.split("\r\n")[1]).startsWith("category,'");
  }
}
