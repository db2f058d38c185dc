package uk.crossline.search.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.accessrequest.AccessRequest;
import uk.crossline.model.accessrequest.Decision;
import uk.crossline.model.event.EventId;
import uk.crossline.search.requests.AccessRequestLog.Entry;
import uk.crossline.search.requests.AccessRequestLog.Status;
import uk.crossline.search.requests.Ask.AskStatus;

class AskTest {

  private static final AgencyId BROMSGROVE = AgencyId.of("bromsgrove-dc");
  private static final AgencyId REDDITCH = AgencyId.of("redditch-bc");
  private static final AgencyId POLICE = AgencyId.of("west-mercia-police");
  private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void requestsOfOneAskReadAsOneAskPendingUntilEveryOriginatorHasDecided() {
    UUID askId = UUID.randomUUID();
    Entry approved = entry(askId, REDDITCH, BROMSGROVE, Status.APPROVED);
    Entry pending = entry(askId, POLICE, BROMSGROVE, Status.PENDING);

    List<Ask> asks = Ask.of(BROMSGROVE, List.of(approved, pending));

    assertThat(asks)
        .singleElement()
        .satisfies(
            ask -> {
              assertThat(ask.askId()).isEqualTo(askId);
              assertThat(ask.status()).isEqualTo(AskStatus.PENDING);
              assertThat(ask.approved()).containsExactly(approved.request());
            });
  }

  @Test
  void anAskWhoseRequestsWereAllDecidedIsAnsweredShowingOnlyTheApprovedOnes() {
    UUID askId = UUID.randomUUID();
    Entry approved = entry(askId, REDDITCH, BROMSGROVE, Status.APPROVED);
    Entry refused = entry(askId, POLICE, BROMSGROVE, Status.REFUSED);
    UUID refusedAskId = UUID.randomUUID();
    Entry allRefused = entry(refusedAskId, POLICE, BROMSGROVE, Status.REFUSED);

    List<Ask> asks = Ask.of(BROMSGROVE, List.of(approved, refused, allRefused));

    assertThat(asks).hasSize(2);
    assertThat(asks)
        .filteredOn(ask -> ask.askId().equals(askId))
        .singleElement()
        .satisfies(
            ask -> {
              assertThat(ask.status()).isEqualTo(AskStatus.ANSWERED);
              assertThat(ask.approved()).containsExactly(approved.request());
            });
    assertThat(asks)
        .filteredOn(ask -> ask.askId().equals(refusedAskId))
        .singleElement()
        .satisfies(
            ask -> {
              assertThat(ask.status()).isEqualTo(AskStatus.ANSWERED);
              assertThat(ask.approved()).isEmpty();
            });
  }

  @Test
  void anAgencyListsOnlyItsOwnAsks() {
    Entry others = entry(UUID.randomUUID(), REDDITCH, POLICE, Status.PENDING);

    assertThat(Ask.of(BROMSGROVE, List.of(others))).isEmpty();
    assertThat(Ask.of(POLICE, List.of(others))).hasSize(1);
  }

  private static Entry entry(UUID askId, AgencyId originator, AgencyId requester, Status status) {
    var request =
        new AccessRequest(
            UUID.randomUUID(),
            askId,
            EventId.derive(originator, UUID.randomUUID().toString()),
            originator,
            requester,
            "asker",
            "Needed for a joint visit",
            AT);
    Optional<Decision> decision =
        status == Status.PENDING
            ? Optional.empty()
            : Optional.of(new Decision(UUID.randomUUID(), "decider", AT.plusSeconds(60), "Agreed"));
    return new Entry(request, status, decision);
  }
}
