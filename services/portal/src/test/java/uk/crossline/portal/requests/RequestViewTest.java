package uk.crossline.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Requests and asks as the inbox and the sent list read them. */
class RequestViewTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void decidedIncomingRequestThenRequesterDecisionAndReasonInUkTime() {
    RequestView view =
        RequestView.incoming(
            JSON.readTree(
                """
                {"requestId": "4f7e", "status": "APPROVED", "requestedAt": "2026-11-25T10:41:07Z",
                 "eventId": "e1", "requester": {"id": "bromsgrove-dc", "name": "Bromsgrove District Council"},
                 "requestedBy": "bromsgrove.cso", "justification": "Joint visit",
                 "decidedAt": "2026-11-25T11:00:00Z", "decidedBy": "redditch.cso", "reason": "Agreed"}"""));

    assertThat(view.who()).isEqualTo("Bromsgrove District Council");
    assertThat(view.pending()).isFalse();
    assertThat(view.statusLabel()).isEqualTo("Approved");
    assertThat(view.requestedAt()).isEqualTo("25 November 2026, 10:41am");
    assertThat(view.decidedBy()).isEqualTo("redditch.cso");
  }

  @Test
  void answeredAskThenApprovedReportsByOriginatorName() {
    RequestView view =
        RequestView.outgoing(
            JSON.readTree(
                """
                {"askId": "9c1e", "status": "ANSWERED", "requestedAt": "2026-07-01T09:00:00Z",
                 "requestedBy": "wyreforest.cso", "justification": "Joint visit",
                 "approved": [{"eventId": "e1", "originator": {"id": "redditch-bc", "name": "Redditch Borough Council"}}]}"""));

    assertThat(view.statusLabel()).isEqualTo("Answered");
    assertThat(view.requestedAt()).isEqualTo("1 July 2026, 10:00am");
    assertThat(view.approved())
        .containsExactly(new RequestView.Approved("e1", "Redditch Borough Council"));
  }
}
