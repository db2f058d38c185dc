package uk.crossline.alerts.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventKind;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.Tlp;

class AlertJsonTest {

  private static final EventId EVENT = EventId.derive(AgencyId.of("redditch-bc"), "ref-1");
  private static final UUID SUBSCRIPTION = UUID.fromString("7d1f0f5e-5c1b-4c47-9d59-3f8f6f0d2a11");

  @Test
  void sameSubscriptionEventAndKindThenSameIdAndFollowUpsDifferByRevision() {
    assertThat(Alert.idFor(SUBSCRIPTION, EVENT, Alert.Kind.NEW, 1))
        .isEqualTo(Alert.idFor(SUBSCRIPTION, EVENT, Alert.Kind.NEW, 2));
    assertThat(Alert.idFor(SUBSCRIPTION, EVENT, Alert.Kind.FOLLOW_UP, 2))
        .isNotEqualTo(Alert.idFor(SUBSCRIPTION, EVENT, Alert.Kind.FOLLOW_UP, 3))
        .isNotEqualTo(Alert.idFor(SUBSCRIPTION, EVENT, Alert.Kind.NEW, 2));
    assertThat(Alert.idFor(UUID.randomUUID(), EVENT, Alert.Kind.NEW, 1))
        .isNotEqualTo(Alert.idFor(SUBSCRIPTION, EVENT, Alert.Kind.NEW, 1));
  }

  @Test
  void fullAlertThenReadsBackEqualAndReadMarkKeepsTheFirstTime() {
    Alert alert = alert();

    assertThat(AlertJson.read(AlertJson.write(alert))).isEqualTo(alert);
    Instant first = Instant.parse("2026-11-25T11:00:00Z");
    Alert read = alert.markedRead(first).markedRead(first.plusSeconds(60));
    assertThat(read.readAt()).contains(first);
    assertThat(AlertJson.read(AlertJson.write(read))).isEqualTo(read);
  }

  @Test
  void unknownFieldThenRefusedNamingIt() {
    String json = new String(AlertJson.write(alert())).replaceFirst("\\{", "{\"colour\":1,");

    assertThatThrownBy(() -> AlertJson.read(json.getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("colour:");
  }

  @Test
  void districtDetailWithFullContentThenRefused() {
    assertThatThrownBy(
            () ->
                new AlertContent(
                    AlertDetail.DISTRICT,
                    Category.DEAL_LINE,
                    Category.DEAL_LINE.priority(),
                    Tlp.GREEN,
                    "OFFICIAL",
                    "redditch",
                    LocalDate.of(2026, 11, 20),
                    alert().content().orElseThrow().full()))
        .hasMessageStartingWith("full:");
  }

  @Test
  void heldAlertAndDigestThenReadBackEqualAndToldApart() {
    Alert held =
        alert()
            .heldFor(
                HeldFor.of(
                    SUBSCRIPTION,
                    Instant.parse("2026-11-25T11:00:00Z"),
                    HeldFor.Reason.RATE_LIMIT));
    Digest digest =
        new Digest(
            Digest.CURRENT_SCHEMA_VERSION,
            held.heldFor().orElseThrow().digestId(),
            Digest.KIND,
            HeldFor.Reason.RATE_LIMIT,
            SUBSCRIPTION,
            "Redditch",
            "user-1",
            AgencyId.of("bromsgrove-dc"),
            Instant.parse("2026-11-25T10:00:00Z"),
            Instant.parse("2026-11-25T11:00:00Z"),
            List.of(Digest.Group.of("redditch", "DEAL_LINE", List.of(held.alertId()))),
            Instant.parse("2026-11-25T11:00:05Z"),
            Optional.empty());

    assertThat(AlertJson.read(AlertJson.write(held))).isEqualTo(held);
    assertThat(AlertJson.read(AlertJson.write(digest))).isEqualTo(digest);
    assertThat(digest.total()).isEqualTo(1);
    assertThat(Inbox.isToldOfAlone(held)).isFalse();
    assertThat(Inbox.isToldOfAlone(digest)).isTrue();
    assertThat(Inbox.isToldOfAlone(alert())).isTrue();
  }

  @Test
  void groupOfABurstThenCountsAllAndListsTheFirstFifty() {
    List<UUID> ids = java.util.stream.Stream.generate(UUID::randomUUID).limit(120).toList();

    Digest.Group group = Digest.Group.of("redditch", "DEAL_LINE", ids);

    assertThat(group.count()).isEqualTo(120);
    assertThat(group.alertIds()).containsExactlyElementsOf(ids.subList(0, Digest.IDS_LISTED));
  }

  @Test
  void sameSubscriptionAndDueThenSameDigestId() {
    Instant due = Instant.parse("2026-11-25T11:00:00Z");

    assertThat(HeldFor.of(SUBSCRIPTION, due, HeldFor.Reason.HOURLY).digestId())
        .isEqualTo(HeldFor.of(SUBSCRIPTION, due, HeldFor.Reason.RATE_LIMIT).digestId())
        .isNotEqualTo(
            HeldFor.of(SUBSCRIPTION, due.plusSeconds(3600), HeldFor.Reason.HOURLY).digestId());
  }

  private static Alert alert() {
    var full =
        new AlertContent.Full(
            AgencyId.of("redditch-bc"),
            Set.of(Indicator.NEW_PHONE),
            "A summary",
            Optional.of("abbeydale"),
            Optional.of("B97"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(new AlertContent.Identifier(IdentifierType.PHONE, Optional.empty(), true)),
            Optional.of(
                new AlertContent.Grading(Optional.empty(), Optional.of("Not to be shared"))),
            Instant.parse("2026-11-20T10:00:00Z"),
            Instant.parse("2026-11-21T10:00:00Z"));
    return new Alert(
        Alert.CURRENT_SCHEMA_VERSION,
        Alert.idFor(SUBSCRIPTION, EVENT, Alert.Kind.NEW, 1),
        Alert.Kind.NEW,
        EventKind.REPORT,
        SUBSCRIPTION,
        "Redditch",
        "user-1",
        AgencyId.of("bromsgrove-dc"),
        EVENT,
        1,
        Optional.of(new MatchedRule("district redditch", "any", "any", "any")),
        Optional.of(
            new AlertContent(
                AlertDetail.FULL,
                Category.DEAL_LINE,
                Category.DEAL_LINE.priority(),
                Tlp.GREEN,
                "OFFICIAL",
                "redditch",
                LocalDate.of(2026, 11, 20),
                Optional.of(full))),
        Optional.empty(),
        Instant.parse("2026-11-25T10:00:00Z"),
        Optional.empty(),
        Optional.empty());
  }
}
