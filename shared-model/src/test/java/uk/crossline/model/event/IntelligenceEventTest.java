package uk.crossline.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.event.EventFixtures.EVENT_ID;
import static uk.crossline.model.event.EventFixtures.ORIGIN_REF_HASH;
import static uk.crossline.model.event.EventFixtures.POLICE;
import static uk.crossline.model.event.EventFixtures.SUBMITTED;
import static uk.crossline.model.event.EventFixtures.amended;
import static uk.crossline.model.event.EventFixtures.minimalReport;
import static uk.crossline.model.event.EventFixtures.reported;
import static uk.crossline.model.event.EventFixtures.retracted;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.vocabulary.RetractionReason;

/** The checks every event of the family makes on its header, and on the reason for a change. */
class IntelligenceEventTest {

  @Test
  void eachEventNamesItsKind() {
    assertThat(reported(minimalReport()).kind()).isEqualTo(EventKind.REPORT);
    assertThat(amended(minimalReport()).kind()).isEqualTo(EventKind.AMENDMENT);
    assertThat(retracted().kind()).isEqualTo(EventKind.RETRACTION);
  }

  @Test
  void reportAndItsChangesShareTheEventIdSoTheyStayInOrderOnOnePartition() {
    assertThat(amended(minimalReport()).eventId()).isEqualTo(reported(minimalReport()).eventId());
    assertThat(retracted().eventId()).isEqualTo(reported(minimalReport()).eventId());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, -1})
  void schemaVersionThisCodeDoesNotKnowIsRefused(int version) {
    assertThatThrownBy(
            () ->
                new IntelligenceReported(
                    version, EVENT_ID, 1, POLICE, SUBMITTED, ORIGIN_REF_HASH, minimalReport()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schemaVersion: ");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void revisionBelowOneIsRefused(long revision) {
    assertThatThrownBy(
            () ->
                new IntelligenceRetracted(
                    1,
                    EVENT_ID,
                    revision,
                    POLICE,
                    SUBMITTED,
                    ORIGIN_REF_HASH,
                    RetractionReason.DUPLICATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revision: must be positive");
  }

  @Test
  void retractionWithoutAReasonIsRefused() {
    assertThatThrownBy(
            () ->
                new IntelligenceRetracted(1, EVENT_ID, 2, POLICE, SUBMITTED, ORIGIN_REF_HASH, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reason");
  }

  @Test
  void reasonOverTheLimitIsRefused() {
    String reason = "x".repeat(EventChecks.REASON_MAX_LENGTH + 1);

    assertThatThrownBy(
            () ->
                new IntelligenceAmended(
                    1, EVENT_ID, 2, POLICE, SUBMITTED, ORIGIN_REF_HASH, minimalReport(), reason))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason: at most 1000 characters");
  }

  @Test
  void amendmentReasonIsKeptWithoutSurroundingSpace() {
    var amendment =
        new IntelligenceAmended(
            1,
            EVENT_ID,
            2,
            POLICE,
            SUBMITTED,
            ORIGIN_REF_HASH,
            minimalReport(),
            "  Second test purchase \n");

    assertThat(amendment.reason()).isEqualTo("Second test purchase");
  }

  @Test
  void amendmentWithoutTheNewContentIsRefused() {
    assertThatThrownBy(
            () ->
                new IntelligenceAmended(
                    1, EVENT_ID, 2, POLICE, SUBMITTED, ORIGIN_REF_HASH, null, "Corrected"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("report");
  }
}
