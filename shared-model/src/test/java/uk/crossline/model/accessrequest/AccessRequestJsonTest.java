package uk.crossline.model.accessrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.EventFormatException;
import uk.crossline.model.event.EventId;

class AccessRequestJsonTest {

  private static final AccessRequest REQUEST =
      new AccessRequest(
          UUID.fromString("1b7c2f4e-0d4e-4a55-9d3e-0a3f2c9b8e11"),
          UUID.fromString("3c9d0a17-5b2e-4f6a-8c1d-2e4f6a8b0c13"),
          EventId.derive(AgencyId.of("redditch-bc"), "ref-1"),
          AgencyId.of("redditch-bc"),
          AgencyId.of("bromsgrove-dc"),
          "bromsgrove.cso",
          "  Safeguarding visit planned to the same address  ",
          Instant.parse("2026-11-20T10:00:00Z"));
  private static final Decision DECISION =
      new Decision(
          UUID.fromString("7f0a1e52-7c55-4d1c-9b9b-3c1d2e0f4a21"),
          "redditch.cso",
          Instant.parse("2026-11-20T11:00:00Z"),
          "Joint visit agreed");

  @Test
  void everyEventOfTheFamilyReadsBackAsWritten() {
    for (AccessRequestEvent event :
        new AccessRequestEvent[] {
          AccessRequested.of(REQUEST),
          AccessApproved.of(REQUEST, DECISION),
          AccessRefused.of(REQUEST, DECISION)
        }) {
      assertThat(AccessRequestJson.read(AccessRequestJson.write(event))).isEqualTo(event);
    }
    assertThat(AccessRequestJson.writeString(AccessRequested.of(REQUEST)))
        .contains("\"kind\":\"REQUESTED\"")
        .contains("\"schemaVersion\":1");
    assertThat(REQUEST.justification()).isEqualTo("Safeguarding visit planned to the same address");
  }

  @Test
  void theAskIdIsWrittenAndARequestWithoutOneIsRefusedNamingIt() {
    String json = AccessRequestJson.writeString(AccessRequested.of(REQUEST));
    assertThat(json).contains("\"askId\":\"3c9d0a17-5b2e-4f6a-8c1d-2e4f6a8b0c13\"");
    String withoutAsk = json.replace("\"askId\":\"3c9d0a17-5b2e-4f6a-8c1d-2e4f6a8b0c13\",", "");
    assertThat(withoutAsk).doesNotContain("askId");
    assertThatThrownBy(() -> AccessRequestJson.read(withoutAsk))
        .isInstanceOfSatisfying(
            EventFormatException.class, e -> assertThat(e.field()).isEqualTo("request.askId"));
  }

  @Test
  void unknownFieldIsRefusedNamingIt() {
    String json =
        AccessRequestJson.writeString(AccessRequested.of(REQUEST))
            .replace("\"kind\":", "\"colour\":\"red\",\"kind\":");
    assertThatThrownBy(() -> AccessRequestJson.read(json))
        .isInstanceOfSatisfying(
            EventFormatException.class, e -> assertThat(e.field()).isEqualTo("colour"));
  }

  @Test
  void unknownKindAndNewerVersionAreRefused() {
    String approved = AccessRequestJson.writeString(AccessApproved.of(REQUEST, DECISION));
    assertThatThrownBy(() -> AccessRequestJson.read(approved.replace("APPROVED", "REVOKED")))
        .isInstanceOfSatisfying(
            EventFormatException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    assertThatThrownBy(
            () ->
                AccessRequestJson.read(
                    approved.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .isInstanceOfSatisfying(
            EventFormatException.class, e -> assertThat(e.field()).isEqualTo("schemaVersion"));
  }

  @Test
  void anAgencyCannotAskItselfAndAJustificationIsRequired() {
    assertThatThrownBy(
            () ->
                new AccessRequest(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    REQUEST.eventId(),
                    AgencyId.of("redditch-bc"),
                    AgencyId.of("redditch-bc"),
                    "redditch.cso",
                    "why not",
                    Instant.now()))
        .hasMessageStartingWith("requester");
    assertThatThrownBy(
            () ->
                new AccessRequest(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    REQUEST.eventId(),
                    AgencyId.of("redditch-bc"),
                    AgencyId.of("bromsgrove-dc"),
                    "bromsgrove.cso",
                    "   ",
                    Instant.now()))
        .hasMessageStartingWith("justification");
  }
}
