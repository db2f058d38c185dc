package uk.crossline.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** The match reference a page leaves in the session for an ask, and the ask's answer. */
class AskForAccessTest {

  @Test
  void otherMatchesThenTheAskIsOpenOnThatPageOnly() {
    MockHttpSession session = new MockHttpSession();

    AskForAccess.offer(session, Optional.of("ref-1"), "/lookup/answer");

    assertThat(AskForAccess.open(session, "/lookup/answer")).isTrue();
    assertThat(AskForAccess.open(session, "/premises?uprn=1")).isFalse();
  }

  @Test
  void askedThenClosedAndTheAnswerToldOnTheSamePage() {
    MockHttpSession session = new MockHttpSession();
    AskForAccess.offer(session, Optional.of("ref-1"), "/lookup/answer");

    AskForAccess.answer(
        session, AskForAccess.pending(session).orElseThrow(), AskForAccess.Outcome.ALREADY_ASKED);

    assertThat(AskForAccess.open(session, "/lookup/answer")).isFalse();
    assertThat(AskForAccess.answered(session, "/lookup/answer"))
        .contains("Your agency has already asked for access to this.");
  }

  @Test
  void aLaterLookupWithoutOtherMatchesThenNothingLeftToAskWith() {
    MockHttpSession session = new MockHttpSession();
    AskForAccess.offer(session, Optional.of("ref-1"), "/lookup/answer");

    AskForAccess.offer(session, Optional.empty(), "/lookup/answer");

    assertThat(AskForAccess.pending(session)).isEmpty();
    assertThat(AskForAccess.open(session, "/lookup/answer")).isFalse();
  }
}
