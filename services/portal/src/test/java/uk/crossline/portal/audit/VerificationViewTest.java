package uk.crossline.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VerificationViewTest {

  private static final String ANSWER =
      """
      {"checkedAt": "2026-11-25T10:44:34.899Z", "chain": null,
       "log": {"copy": "KAFKA_LOG", "source": "the source of truth", "records": 7,
               "chainsChecked": 2, "chainsBroken": 0, "intact": true,
               "chains": [{"chain": "a", "records": 5, "intactRecords": 5, "lastSequence": 4,
                           "intact": true, "firstBreak": null},
                          {"chain": "b", "records": 2, "intactRecords": 2, "lastSequence": 1,
                           "intact": true, "firstBreak": null}],
               "unattributed": []},
       "index": {"copy": "INDEX", "source": "the copy auditors search", "records": 7,
                 "chainsChecked": 2, "chainsBroken": 1, "intact": false,
                 "chains": [{"chain": "a", "records": 5, "intactRecords": 2, "lastSequence": 4,
                             "intact": false,
                             "firstBreak": {"chain": "a", "sequence": 2, "problem": "COPY_ALTERED",
                                            "detail": "the index copy of entry 2 was changed",
                                            "location": "document a/2 of index crossline-audit-2026.11"}},
                            {"chain": "b", "records": 2, "intactRecords": 2, "lastSequence": 1,
                             "intact": true, "firstBreak": null}],
                 "unattributed": [{"location": "partition 0, offset 3", "reason": "no chain"}]}}
      """;

  @Test
  void copyWithABrokenChainThenNotWholeWithTheBreakInWordsAndTheWholeChainsApart() {
    VerificationView view = VerificationView.of(JsonMapper.builder().build().readTree(ANSWER));

    assertThat(view.intact()).isFalse();
    assertThat(view.log().intact()).isTrue();
    assertThat(view.log().broken()).isEmpty();
    assertThat(view.log().whole())
        .extracting(VerificationView.Chain::chain)
        .containsExactly("a", "b");
    assertThat(view.index().broken())
        .singleElement()
        .satisfies(
            broken -> {
              assertThat(broken.chain()).isEqualTo("a");
              assertThat(broken.sequence()).isEqualTo("2");
              assertThat(broken.intactRecords()).isEqualTo(2);
              assertThat(broken.problem()).isEqualTo("The searchable copy was edited");
              assertThat(broken.location()).contains("crossline-audit-2026.11");
            });
    assertThat(view.index().unattributed()).containsExactly("partition 0, offset 3: no chain");
    assertThat(view.checkedAt()).isEqualTo("25 November 2026, 10:44:34am");
  }
}
