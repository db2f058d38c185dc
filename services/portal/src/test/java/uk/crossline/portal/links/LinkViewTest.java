package uk.crossline.portal.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the links page says of what a person may not follow, and of a link's count. */
class LinkViewTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void identifiersNotFollowedWithoutLinkAnalysisThenSaidInWordsWithoutTheRoleName() {
    String said =
        LinkView.notFollowed(
            JSON.readTree(
                """
                {"via": "IDENTIFIER", "count": 2,
                 "reason": "following identifiers is link analysis: it needs the LINK_ANALYSIS role"}"""));

    assertThat(said)
        .isEqualTo(
            "2 identifiers in this report are not followed: that needs the link analysis role.");
  }

  @Test
  void onePersonNotFollowedThenSingular() {
    String said =
        LinkView.notFollowed(
            JSON.readTree(
                """
                {"via": "SUBJECT", "count": 1, "reason": "it needs the LINK_ANALYSIS role"}"""));

    assertThat(said)
        .isEqualTo("1 person in this report is not followed: that needs the link analysis role.");
  }

  @Test
  void warnedLinkThenNoTotalNoEventsAndNoTokenUnlessGiven() {
    LinkView link =
        LinkView.of(
            JSON.readTree(
                """
                {"via": "IDENTIFIER", "shared": "a shared phone", "type": "PHONE",
                 "warned": true, "capped": false, "events": []}"""),
            null);

    assertThat(link.shared()).isEqualTo("A shared phone");
    assertThat(link.warned()).isTrue();
    assertThat(link.total()).isEmpty();
    assertThat(link.token()).isEmpty();
    assertThat(link.events()).isEmpty();
  }
}
