package uk.crossline.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.AgencyId;

class EventIdTest {

  private static final AgencyId POLICE = AgencyId.of("west-mercia-police");
  private static final AgencyId TRADING_STANDARDS = AgencyId.of("worcs-trading-standards");
  private static final String HASH = "k2.j2UrxV36p8D7K9_oYxRPhZeqs9_0LVBxxaMkPVGIoco";

  @Test
  void retriedSubmissionDerivesTheSameId() {
    assertThat(EventId.derive(POLICE, HASH)).isEqualTo(EventId.derive(POLICE, HASH));
  }

  @Test
  void derivationIsPinnedSoARetryAcrossADeployStillFindsTheEvent() {
    // a change to the derivation would turn every retry after the deploy into a new event
    assertThat(EventId.derive(POLICE, HASH).value())
        .isEqualTo("8a63b888-ed94-8f0c-ab58-51ac32c4bca6");
  }

  @Test
  void sameReferenceHashFromAnotherAgencyIsAnotherEvent() {
    assertThat(EventId.derive(POLICE, HASH)).isNotEqualTo(EventId.derive(TRADING_STANDARDS, HASH));
  }

  @Test
  void anotherReferenceHashFromTheSameAgencyIsAnotherEvent() {
    assertThat(EventId.derive(POLICE, HASH))
        .isNotEqualTo(EventId.derive(POLICE, "k2.10og5bn1-fLXPyMxR_cZyVSkYMGJdHJtU0qOghwlmpc"));
  }

  @Test
  void derivedIdIsAVersionEightUuid() {
    // when
    EventId id = EventId.derive(POLICE, HASH);
    UUID uuid = UUID.fromString(id.value());

    // then
    assertThat(uuid.version()).isEqualTo(8);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(uuid.toString()).isEqualTo(id.value());
    assertThat(id.value())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void idIsWrittenAsItsValue() {
    EventId id = EventId.of("8a63b888-ed94-8f0c-ab58-51ac32c4bca6");

    assertThat(id).hasToString("8a63b888-ed94-8f0c-ab58-51ac32c4bca6");
  }

  @Test
  void randomUuidIsAcceptedAsAnId() {
    // ids made elsewhere (e.g. by a partner system) need only the UUID form
    String random = UUID.randomUUID().toString();

    assertThat(EventId.of(random).value()).isEqualTo(random);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "8A63B888-ED94-8F0C-AB58-51AC32C4BCA6",
        "8a63b888ed948f0cab5851ac32c4bca6",
        "{8a63b888-ed94-8f0c-ab58-51ac32c4bca6}",
        "urn:uuid:8a63b888-ed94-8f0c-ab58-51ac32c4bca6",
        "8a63b888-ed94-8f0c-ab58-51ac32c4bca",
        "8a63b888-ed94-8f0c-ab58-51ac32c4bca6a",
        " 8a63b888-ed94-8f0c-ab58-51ac32c4bca6",
        "8a63b888-ed94-8f0c-ab58-51ac32c4bca6\n",
        "8a63b888-ed94-8f0c-ab58-51ac32c4bcg6",
        "WMP-2026-004711"
      })
  void textThatIsNotALowerCaseUuidIsRefused(String text) {
    assertThatThrownBy(() -> EventId.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an event id is a lower-case UUID");
  }

  @Test
  void missingIdIsRefusedNamingIt() {
    assertThatThrownBy(() -> EventId.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("eventId");
  }
}
