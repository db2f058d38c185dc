package uk.crossline.search.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.EventAccess;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.Projection;
import uk.crossline.search.query.TestEvents;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.DemoUsers;

/**
 * The two forms of the access filters on the real stack: searches filter on the reach the indexer
 * stamped while every live document bears this policy's stamps, hide a document stamped under
 * another policy until the next check (a change of partnership hides, never shows), and then read
 * the fields, which find it for whoever may see it. The checks here are the test's own: the
 * schedule is set far apart.
 */
@CrosslineIntegrationTest
@SpringBootTest(properties = "crossline.search.reach.check-every=1h")
@AutoConfigureMockMvc
class ReachIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> USERS =
      List.of("police.analyst", "wmp.analyst", "redditch.cso", "ts.officer");
  private static final String ANOTHER_POLICY = "0123456789abcdef";

  /** Fields of the projection no answer carries: whom an event reaches, and why. */
  private static final String[] INTERNAL = {"\"reach\"", "\"reachPolicy\"", "\"grants\""};

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;
  @Autowired ProjectionStamps stamps;
  @Autowired MeterRegistry meters;

  private final String marker = TestEvents.marker("reach");

  @Test
  void searchesFilterOnTheStampedReachAndOnTheFieldsWhileADocumentIsNotStamped(DemoTokens tokens)
      throws Exception {
    // given events under each kind of marking, stamped as the indexer stamps them
    List<IntelligenceReported> seeded = new ArrayList<>();
    seeded.add(TestEvents.event(marker, 0).tlp(Tlp.GREEN).build());
    seeded.add(TestEvents.event(marker, 1).by(TestEvents.WEST_MIDLANDS).tlp(Tlp.RED).build());
    seeded.add(
        TestEvents.event(marker, 2)
            .by(TestEvents.TRADING_STANDARDS)
            .tlp(Tlp.AMBER)
            .scope(new SharingScope(Set.of(TestEvents.REDDITCH.id()), Set.of()))
            .build());
    seeded.add(TestEvents.event(marker, 3).by(TestEvents.REDDITCH).tlp(Tlp.AMBER_STRICT).build());
    TestEvents.index(client, seeded);
    assertThat(stamps.checkNow())
        .as("every live document of the shared projection bears this policy's stamps")
        .isTrue();
    assertThat(stampedGauge()).isEqualTo(1);

    // then each searcher finds what the policy lets it see
    for (String user : USERS) {
      assertThat(found(user, tokens))
          .as(user)
          .containsExactlyInAnyOrderElementsOf(visible(user, seeded));
    }

    String detail =
        mvc.perform(
                get("/api/v1/events/" + seeded.getFirst().eventId().value())
                    .header("Authorization", "Bearer " + tokens.accessToken("police.analyst"))
                    .param("purpose", "reach test " + marker))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(detail).contains(marker).doesNotContain(INTERNAL);

    // when a document stamped under another policy arrives (an indexer with another partnership)
    IntelligenceReported foreign = TestEvents.event(marker, 4).tlp(Tlp.CLEAR).build();
    write(foreign, underAnotherPolicy(foreign));
    List<IntelligenceReported> all = new ArrayList<>(seeded);
    all.add(foreign);
    assertThat(visible("police.analyst", all)).contains(foreign.eventId().value());

    // then, until the next check, nobody finds it
    for (String user : USERS) {
      assertThat(found(user, tokens))
          .as(user)
          .containsExactlyInAnyOrderElementsOf(visible(user, seeded));
    }

    // when the next check finds it, then searches read the fields and find it where they may
    assertThat(stamps.checkNow()).isFalse();
    assertThat(stampedGauge()).isZero();
    for (String user : USERS) {
      assertThat(found(user, tokens))
          .as(user)
          .containsExactlyInAnyOrderElementsOf(visible(user, all));
    }

    // when it is stamped again (as a rebuild of the projection does), then the reach serves again
    write(foreign, Projection.stamped(IntelligenceDocuments.source(foreign, Instant.now())));
    assertThat(stamps.checkNow()).isTrue();
    for (String user : USERS) {
      assertThat(found(user, tokens))
          .as(user)
          .containsExactlyInAnyOrderElementsOf(visible(user, all));
    }
  }

  /** What operators watch: whether searches filter on the reach. */
  private double stampedGauge() {
    return meters.get("crossline.search.reach.stamped").gauge().value();
  }

  /** The document as an indexer bundling another partnership file would stamp it. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> underAnotherPolicy(IntelligenceReported event) {
    Map<String, Object> document =
        Projection.stamped(IntelligenceDocuments.source(event, Instant.now()));
    List<String> reach = (List<String>) document.get("reach");
    assertThat(reach).isNotEmpty();
    document.put(
        "reach",
        reach.stream().map(stamp -> stamp.replace(policy.reachPolicy(), ANOTHER_POLICY)).toList());
    document.put("reachPolicy", ANOTHER_POLICY);
    return new LinkedHashMap<>(document);
  }

  private void write(IntelligenceReported event, Map<String, Object> document) throws Exception {
    String index = Projection.liveIndex(client, event.report().observedAt().at());
    client.index(
        i -> i.index(index).id(event.eventId().value()).document(document).refresh(Refresh.True));
  }

  private List<String> visible(String user, List<IntelligenceReported> events) {
    return events.stream()
        .filter(event -> policy.canSee(DemoUsers.CALLERS.get(user), EventAccess.of(event)))
        .map(event -> event.eventId().value())
        .toList();
  }

  private List<String> found(String user, DemoTokens tokens) throws Exception {
    String answer =
        mvc.perform(
                get("/api/v1/search")
                    .header("Authorization", "Bearer " + tokens.accessToken(user))
                    .param("purpose", "reach test " + marker)
                    .param("q", marker))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(answer).as("internal to the hub").doesNotContain(INTERNAL);
    return JSON.readTree(answer).get("hits").findValuesAsString("eventId");
  }
}
