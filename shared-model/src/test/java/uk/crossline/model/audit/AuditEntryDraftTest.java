package uk.crossline.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.audit.AuditFixtures.ANALYST;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.crossline.model.event.EventId;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.vocabulary.IdentifierType;

class AuditEntryDraftTest {

  private static final PseudonymToken PHONE_TOKEN =
      PseudonymToken.parse(
          "k1." + "Qm9ndXNUb2tlbkZvclRlc3RzT25seQ".repeat(2).substring(0, 42) + "A");

  @Test
  void consultationWithoutPurposeIsRefused() {
    assertThatThrownBy(() -> AuditEntryDraft.by(ANALYST, AuditAction.SEARCH, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("purpose: required for a consultation");
  }

  @Test
  void blankPurposeIsRefused() {
    assertThatThrownBy(() -> AuditEntryDraft.by(ANALYST, AuditAction.VIEW, "  "))
        .hasMessage("purpose: must not be blank");
  }

  @Test
  void whatAPersonDoesNeedsAPurposeEvenWhenNotAConsultation() {
    assertThatThrownBy(() -> AuditEntryDraft.by(ANALYST, AuditAction.SUBSCRIPTION_CHANGE, null))
        .hasMessage("purpose: required for what a person does");
  }

  @Test
  void systemDisclosureMayGoWithoutPurpose() {
    var draft =
        new AuditEntryDraft(
            AuditActor.system("crossline-alerts"),
            AuditAction.ALERT_DELIVERY,
            Optional.empty(),
            Map.of("subscription", "sub-1"),
            List.of());

    assertThat(draft.purpose()).isEmpty();
  }

  @Test
  void identifierLookupRecordsTheTypeAndTokenOnly() {
    // when
    var draft =
        AuditEntryDraft.by(ANALYST, AuditAction.IDENTIFIER_LOOKUP, "deal line enquiry")
            .withIdentifier(IdentifierType.PHONE, PHONE_TOKEN);

    // then
    assertThat(draft.criteria())
        .containsExactly(
            Map.entry("identifier.token", PHONE_TOKEN.value()),
            Map.entry("identifier.type", "PHONE"));
  }

  @Test
  void criterionNameMustBeDottedCamelCase() {
    var draft = AuditEntryDraft.by(ANALYST, AuditAction.SEARCH, "enquiry");

    assertThatThrownBy(() -> draft.with("Free Text", "x"))
        .hasMessageStartingWith("criteria: names are dotted camelCase words");
  }

  @Test
  void personIsRecordedAsTheTokenNamesThem() {
    var actor = (AuditActor.Person) AuditEntryDraft.by(ANALYST, AuditAction.VIEW, "x").actor();

    assertThat(actor.userId()).isEqualTo(ANALYST.userId());
    assertThat(actor.username()).isEqualTo("analyst.wmp");
    assertThat(actor.agency()).isEqualTo(ANALYST.agency());
    assertThat(actor.agencyType()).isEqualTo(ANALYST.agencyType());
  }

  @Test
  void largeResultIsSplitIntoNumberedParts() {
    // given
    List<EventId> ids = IntStream.range(0, 1_200).mapToObj(AuditFixtures::event).toList();
    var draft =
        AuditEntryDraft.bySystem(
                "crossline-indexer", AuditAction.RETENTION_DELETION, "review period reached")
            .withEventIds(ids);

    // when
    List<AuditEntryDraft> parts = draft.inChunksOf(500);

    // then
    assertThat(parts).extracting(p -> p.eventIds().size()).containsExactly(500, 500, 200);
    assertThat(parts)
        .extracting(p -> p.criteria().get("part"))
        .containsExactly("1/3", "2/3", "3/3");
    assertThat(parts.stream().flatMap(p -> p.eventIds().stream()).toList()).isEqualTo(ids);
  }

  @Test
  void entryNamingMoreEventsThanOneEntryHoldsIsRefused() {
    List<EventId> ids = IntStream.range(0, 1_001).mapToObj(AuditFixtures::event).toList();
    var draft =
        AuditEntryDraft.by(ANALYST, AuditAction.EXPORT, "quarterly return").withEventIds(ids);

    assertThatThrownBy(() -> AuditEntry.first("crossline-search-1", AuditFixtures.T0, draft))
        .hasMessageStartingWith("eventIds: at most 1000 per entry");
  }
}
