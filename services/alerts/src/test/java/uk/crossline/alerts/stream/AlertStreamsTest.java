package uk.crossline.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.alerts.inbox.Alert;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventKind;

/**
 * Replay and live without gaps or duplicates, on one instance and across two that read the topic's
 * partitions interleaved differently.
 */
class AlertStreamsTest {

  private static final Caller BROMSGROVE =
      new Caller(
          "user-bromsgrove",
          "bromsgrove.cso",
          AgencyId.of("bromsgrove-dc"),
          AgencyType.LOCAL_AUTHORITY,
          Set.of(Role.SUBSCRIBE_ALERTS));
  private static final Caller WYRE_FOREST =
      new Caller(
          "user-wyre-forest",
          "wyreforest.cso",
          AgencyId.of("wyre-forest-dc"),
          AgencyType.LOCAL_AUTHORITY,
          Set.of(Role.SUBSCRIBE_ALERTS));

  /** A record of the inbox topic. */
  record At(Alert alert, int partition, long offset) {}

  @Test
  void openWithoutPositionReplaysNothingAndStreamsWhatLandsAfter() {
    AlertStreams streams = new AlertStreams(10);
    Alert before = alert(BROMSGROVE);
    streams.landed(before, 0, 0, true);

    AlertStreams.Client client = streams.open(BROMSGROVE, Optional.empty());
    Alert after = alert(BROMSGROVE);
    streams.landed(after, 1, 0, true);

    assertThat(client.replay()).isEmpty();
    assertThat(client.from().id()).isEqualTo("0:1");
    assertThat(client.live()).extracting(l -> l.alert().alertId()).containsExactly(after.alertId());
  }

  @Test
  void readMarksAndRedeliveriesAreNotStreamedAgain() {
    AlertStreams streams = new AlertStreams(10);
    AlertStreams.Client client = streams.open(BROMSGROVE, Optional.empty());
    Alert alert = alert(BROMSGROVE);
    streams.landed(alert, 0, 0, true);
    streams.landed(alert, 0, 1, false);

    assertThat(client.live()).hasSize(1);
  }

  @Test
  void anotherRecipientsAlertsNeitherReplayNorStream() {
    AlertStreams streams = new AlertStreams(10);
    streams.landed(alert(WYRE_FOREST), 0, 0, true);
    AlertStreams.Client client = streams.open(BROMSGROVE, Optional.of(StreamPosition.START));
    streams.landed(alert(WYRE_FOREST), 0, 1, true);
    Alert own = alert(BROMSGROVE);
    streams.landed(own, 0, 2, true);

    assertThat(client.replay()).isEmpty();
    assertThat(client.live()).extracting(l -> l.alert().alertId()).containsExactly(own.alertId());
  }

  @Test
  void aClientThatFallsBehindIsToldToResumeAndNothingLaterIsQueued() {
    AlertStreams streams = new AlertStreams(1);
    AlertStreams.Client client = streams.open(BROMSGROVE, Optional.empty());
    streams.landed(alert(BROMSGROVE), 0, 0, true);
    streams.landed(alert(BROMSGROVE), 0, 1, true);
    client.live().poll();
    streams.landed(alert(BROMSGROVE), 0, 2, true);

    assertThat(client.overflowed()).isTrue();
    assertThat(client.live()).isEmpty();
  }

  @Test
  void
      resumingOnAnotherInstanceThatReadThePartitionsInAnotherOrderMissesNothingAndRepeatsNothing() {
    // given six alerts in two partitions, read by instance A partition by partition and by B
    // interleaved
    List<At> p0 = new ArrayList<>();
    List<At> p1 = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      p0.add(new At(alert(BROMSGROVE), 0, i));
      p1.add(new At(alert(BROMSGROVE), 1, i));
    }
    List<At> orderA = new ArrayList<>(p0);
    orderA.addAll(p1);
    List<At> orderB = List.of(p1.get(0), p0.get(0), p1.get(1), p0.get(1), p1.get(2), p0.get(2));
    AlertStreams a = new AlertStreams(10);
    AlertStreams b = new AlertStreams(10);

    // when a client on A got the first four (A's order) and resumes on B from the last id
    AlertStreams.Client onA = a.open(BROMSGROVE, Optional.empty());
    orderA.forEach(at -> a.landed(at.alert(), at.partition(), at.offset(), true));
    orderB.forEach(at -> b.landed(at.alert(), at.partition(), at.offset(), true));
    List<UUID> received = new ArrayList<>();
    StreamPosition position = onA.from();
    for (int i = 0; i < 4; i++) {
      AlertStreams.Landed landed = onA.live().poll();
      received.add(landed.alert().alertId());
      position = position.max(landed.cut());
    }
    AlertStreams.Client onB = b.open(BROMSGROVE, Optional.of(position));
    StreamPosition resumed = position;
    for (AlertStreams.Landed landed : onB.replay()) {
      if (resumed.before(landed.partition(), landed.offset())) {
        received.add(landed.alert().alertId());
        resumed = resumed.max(landed.cut());
      }
    }

    // then it has every alert once
    assertThat(received)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            orderA.stream().map(at -> at.alert().alertId()).toList());
  }

  private static Alert alert(Caller recipient) {
    UUID subscription = UUID.randomUUID();
    EventId event = EventId.of(UUID.randomUUID().toString());
    return new Alert(
        Alert.CURRENT_SCHEMA_VERSION,
        Alert.idFor(subscription, event, Alert.Kind.NEW, 1),
        Alert.Kind.NEW,
        EventKind.REPORT,
        subscription,
        "Redditch",
        recipient.userId(),
        recipient.agency(),
        event,
        1,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2026-11-25T12:00:00Z"),
        Optional.empty(),
        Optional.empty());
  }
}
