package uk.crossline.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.model.audit.AuditFixtures.chain;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.crossline.model.audit.ChainVerification.Problem;

class ChainVerifierTest {

  @Test
  void entrySkippedThatComesLaterIsOutOfOrderNotMissing() {
    // given: entry 2 read long after the entries that follow it
    List<AuditEntry> entries = new ArrayList<>(chain(8));
    AuditEntry late = entries.remove(2);
    entries.add(late);
    ChainVerifier verifier = new ChainVerifier();

    // when
    entries.forEach(verifier::add);

    // then
    assertThat(verifier.result().firstBreak())
        .hasValueSatisfying(
            found -> {
              assertThat(found.problem()).isEqualTo(Problem.REORDERED);
              assertThat(found.sequence()).isEqualTo(3);
              assertThat(found.position()).isEqualTo(2);
            });
  }

  @Test
  void resultSoFarTurnsFromMissingToOutOfOrderWhenTheSkippedEntryArrives() {
    // given
    List<AuditEntry> entries = chain(5);
    ChainVerifier verifier = new ChainVerifier();
    verifier.add(entries.get(0));
    verifier.add(entries.get(1));
    verifier.add(entries.get(3));

    // then: so far entry 2 is missing
    assertThat(verifier.result().firstBreak())
        .hasValueSatisfying(found -> assertThat(found.problem()).isEqualTo(Problem.MISSING));

    // when
    verifier.add(entries.get(2));

    // then
    assertThat(verifier.result().firstBreak())
        .hasValueSatisfying(found -> assertThat(found.problem()).isEqualTo(Problem.REORDERED));
    assertThat(verifier.result().entriesChecked()).isEqualTo(2);
  }
}
