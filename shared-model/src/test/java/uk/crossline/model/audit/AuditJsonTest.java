package uk.crossline.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.audit.AuditFixtures.CHAIN;
import static uk.crossline.model.audit.AuditFixtures.T0;
import static uk.crossline.model.audit.AuditFixtures.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditJsonTest {

  static Stream<Arguments> entries() {
    AuditEntry bySystem =
        AuditEntry.first(
            "crossline-indexer-7d1c",
            T0,
            AuditEntryDraft.bySystem(
                    "crossline-indexer", AuditAction.RETENTION_DELETION, "review period reached")
                .with("category", "ANTI_SOCIAL_BEHAVIOUR")
                .withEventIds(List.of(AuditFixtures.event(1))));
    AuditEntry withoutPurpose =
        AuditEntry.first(
            "crossline-alerts-1",
            T0,
            new AuditEntryDraft(
                AuditActor.system("crossline-alerts"),
                AuditAction.ALERT_DELIVERY,
                java.util.Optional.empty(),
                java.util.Map.of("subscription", "sub-17"),
                List.of(AuditFixtures.event(2))));
    return Stream.of(
        Arguments.argumentSet("a person's search", AuditEntry.first(CHAIN, T0, search(0))),
        Arguments.argumentSet(
            "a second entry",
            AuditEntry.first(CHAIN, T0, search(0)).next(T0.plusNanos(123_456_789), search(1))),
        Arguments.argumentSet("a system's deletion", bySystem),
        Arguments.argumentSet("a disclosure without purpose", withoutPurpose));
  }

  @ParameterizedTest
  @MethodSource("entries")
  void entryReadsBackEqualToTheEntryWritten(AuditEntry entry) {
    // when
    AuditEntry read = AuditJson.read(AuditJson.write(entry));

    // then
    assertThat(read).isEqualTo(entry);
    assertThat(read.isSealedCorrectly()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("entries")
  void hashCanBeCheckedWithAnyJsonToolFromTheWrittenForm(AuditEntry entry) throws Exception {
    // given: the written form is canonical (sorted keys, no spaces), so dropping "hash" gives
    // exactly the bytes that were hashed
    String written = AuditJson.writeString(entry);
    String withoutHash = written.replace("\"hash\":\"" + entry.hash() + "\",", "");

    // when
    String recomputed =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(withoutHash.getBytes(StandardCharsets.UTF_8)));

    // then
    assertThat(withoutHash)
        .doesNotContain("\"hash\"")
        .doesNotContain("\": ")
        .doesNotContain(", \"");
    assertThat(recomputed).isEqualTo(entry.hash());
  }

  @Test
  void writtenFormNamesWhoWhenWhyWhatAndWhichEvents() {
    // when
    String json = AuditJson.writeString(AuditEntry.first(CHAIN, T0, search(0)));

    // then
    assertThat(json)
        .startsWith("{\"action\":\"SEARCH\",\"actor\":{\"agency\":\"west-mercia-police\"")
        .contains("\"agencyType\":\"POLICE\"")
        .contains("\"username\":\"analyst.wmp\"")
        .contains("\"at\":\"2026-11-25T09:00:00Z\"")
        .contains("\"purpose\":\"Operation Kestrel, deal line review\"")
        .contains("\"criteria\":{\"district\":\"redditch\"")
        .contains("\"eventIds\":[\"" + AuditFixtures.event(0).value())
        .contains("\"previousHash\":\"" + AuditEntry.GENESIS + "\"")
        .contains("\"sequence\":0");
  }

  @Test
  void unknownFieldIsRefusedNamingIt() {
    String json = AuditJson.writeString(AuditEntry.first(CHAIN, T0, search(0)));
    String withExtra = json.replace("{\"action\"", "{\"comment\":\"x\",\"action\"");

    assertThatThrownBy(() -> AuditJson.read(withExtra))
        .isInstanceOfSatisfying(
            AuditFormatException.class, e -> assertThat(e.field()).isEqualTo("comment"));
  }

  @Test
  void unknownActionIsRefusedNamingTheField() {
    String json =
        AuditJson.writeString(AuditEntry.first(CHAIN, T0, search(0)))
            .replace("\"SEARCH\"", "\"PEEK\"");

    assertThatThrownBy(() -> AuditJson.read(json))
        .isInstanceOfSatisfying(
            AuditFormatException.class,
            e -> {
              assertThat(e.field()).isEqualTo("action");
              assertThat(e.reason()).contains("IDENTIFIER_LOOKUP");
            });
  }

  @Test
  void consultationWithoutPurposeIsRefusedWhenRead() {
    String json =
        AuditJson.writeString(AuditEntry.first(CHAIN, T0, search(0)))
            .replace("\"purpose\":\"Operation Kestrel, deal line review\",", "");

    assertThatThrownBy(() -> AuditJson.read(json))
        .isInstanceOfSatisfying(
            AuditFormatException.class,
            e -> {
              assertThat(e.field()).isEqualTo("purpose");
              assertThat(e.reason()).isEqualTo("required for a consultation");
            });
  }

  @Test
  void newerSchemaVersionIsRefused() {
    String json =
        AuditJson.writeString(AuditEntry.first(CHAIN, T0, search(0)))
            .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

    assertThatThrownBy(() -> AuditJson.read(json))
        .isInstanceOfSatisfying(
            AuditFormatException.class, e -> assertThat(e.field()).isEqualTo("schemaVersion"));
  }

  @Test
  void malformedHashIsRefusedNamingTheField() {
    AuditEntry entry = AuditEntry.first(CHAIN, T0, search(0));
    String json = AuditJson.writeString(entry).replace(entry.hash(), "not-a-hash");

    assertThatThrownBy(() -> AuditJson.read(json))
        .isInstanceOfSatisfying(
            AuditFormatException.class, e -> assertThat(e.field()).isEqualTo("hash"));
  }

  @Test
  void notJsonIsRefused() {
    assertThatThrownBy(() -> AuditJson.read("{\"schemaVersion\":"))
        .isInstanceOf(AuditFormatException.class)
        .hasMessage("not well-formed JSON");
  }
}
