package uk.crossline.search.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.IdentifierType;

class MatchRefsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final RequestSettings SETTINGS =
      new RequestSettings(Optional.empty(), Duration.ofHours(1), Duration.ofSeconds(10));
  private static final Caller BROMSGROVE =
      new Caller(
          "u1",
          "bromsgrove.cso",
          AgencyId.of("bromsgrove-dc"),
          AgencyType.LOCAL_AUTHORITY,
          Set.of(Role.SEARCH));
  private static final Caller WYRE_FOREST =
      new Caller(
          "u2",
          "wyreforest.cso",
          AgencyId.of("wyre-forest-dc"),
          AgencyType.LOCAL_AUTHORITY,
          Set.of(Role.SEARCH));
  private static final MatchKey PHONE =
      new MatchKey.IdentifierTokens(
          new Pseudonymiser(KeyRing.demo())
              .tokensUnderEveryKey(IdentifierType.PHONE, "07700 900123"));

  private final MatchRefs refs = new MatchRefs(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aReferenceOpensForTheAgencyItWasGivenToAndNamesNoToken() {
    String ref = refs.seal(BROMSGROVE, PHONE);

    assertThat(refs.open(BROMSGROVE, ref)).isEqualTo(PHONE);
    assertThat(ref).doesNotContain(PHONE.values().getFirst()).doesNotContain("k2.");
    assertThat(new String(Base64.getUrlDecoder().decode(ref), StandardCharsets.ISO_8859_1))
        .doesNotContain("bromsgrove")
        .doesNotContain("IDENTIFIER");
    assertThat(refs.seal(BROMSGROVE, PHONE)).as("a fresh nonce each time").isNotEqualTo(ref);
  }

  @Test
  void premisesKeysTravelAlike() {
    MatchKey premises = new MatchKey.PremisesKey("uprn:100120512345");
    assertThat(refs.open(BROMSGROVE, refs.seal(BROMSGROVE, premises))).isEqualTo(premises);
  }

  @Test
  void anotherAgencyCannotUseIt() {
    String ref = refs.seal(BROMSGROVE, PHONE);
    assertThatThrownBy(() -> refs.open(WYRE_FOREST, ref))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors().getFirst().field()).isEqualTo("matchRef"));
  }

  @Test
  void anAlteredOrForeignReferenceIsRefused() {
    byte[] bytes = Base64.getUrlDecoder().decode(refs.seal(BROMSGROVE, PHONE));
    bytes[bytes.length / 2] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String foreign =
        new MatchRefs(
                new RequestSettings(
                    Optional.of(Base64.getEncoder().encodeToString(new byte[32])),
                    Duration.ofHours(1),
                    Duration.ofSeconds(10)),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .seal(BROMSGROVE, PHONE);
    for (String ref : new String[] {altered, foreign, "", "not base64 !", "AAAA"}) {
      assertThatThrownBy(() -> refs.open(BROMSGROVE, ref))
          .as(ref)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.errors().getFirst().field()).isEqualTo("matchRef"));
    }
  }

  @Test
  void anExpiredReferenceIsRefused() {
    String ref = refs.seal(BROMSGROVE, PHONE);
    var later = new MatchRefs(SETTINGS, Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
    assertThatThrownBy(() -> later.open(BROMSGROVE, ref))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors().getFirst().reason()).contains("expired"));
  }

  @Test
  void aSecretOfTheWrongLengthStopsTheServiceAtStartWithoutQuotingIt() {
    assertThatThrownBy(
            () ->
                new MatchRefs(
                    new RequestSettings(
                        Optional.of(Base64.getEncoder().encodeToString(new byte[16])),
                        Duration.ofHours(1),
                        Duration.ofSeconds(10))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
