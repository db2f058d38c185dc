package uk.crossline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.AgencyId;
import uk.crossline.model.Topics;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.accessrequest.AccessApproved;
import uk.crossline.model.accessrequest.AccessRefused;
import uk.crossline.model.accessrequest.AccessRequest;
import uk.crossline.model.accessrequest.AccessRequestEvent;
import uk.crossline.model.accessrequest.AccessRequestJson;
import uk.crossline.model.accessrequest.AccessRequested;
import uk.crossline.model.accessrequest.Decision;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.CrosslineStack;
import uk.crossline.testsupport.DemoTokens;

/**
 * Grants on the real broker and Elasticsearch: an approval on the access-requests topic reaches the
 * event's document, survives an amendment and a rebuild of the whole projection from Kafka, and
 * counts only when the event's own originator decided it first. Rebuilds: run under {@code flock
 * -x}.
 */
@CrosslineIntegrationTest
@SpringBootTest(properties = "crossline.indexer.rebuild.abandoned-after=20s")
@AutoConfigureMockMvc
class GrantsIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration REBUILD_PATIENCE = Duration.ofMinutes(5);
  private static final Instant NOVEMBER = Instant.parse("2026-11-12T12:00:00Z");
  private static final AgencyId POLICE = AgencyId.of("west-mercia-police");
  private static final AgencyId BROMSGROVE = AgencyId.of("bromsgrove-dc");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;
  @Autowired AccessPolicy policy;

  @Test
  void anApprovalGrantsTheEventAndTheGrantSurvivesAnAmendmentAndARebuild(DemoTokens tokens)
      throws Exception {
    // given a projected report, AMBER+STRICT and shared with nobody: it reaches its originator only
    String batch = Events.batch();
    IntelligenceReported report =
        Events.report(batch, 1, NOVEMBER, "granted report", Tlp.AMBER_STRICT);
    Events.publish(List.of(report));
    var projected = new Projected(client);
    await().atMost(PATIENCE).until(() -> projected.copies(report.eventId()).size() == 1);
    assertThat(reach(projected, report.eventId())).containsExactly(stamp(POLICE));

    // when its originator approves Bromsgrove's request, another agency "approves" Wyre Forest's,
    // and trading standards' request is refused before an approval of it arrives
    publish(AccessApproved.of(request(report.eventId(), POLICE, BROMSGROVE), decision()));
    publish(
        AccessApproved.of(
            request(report.eventId(), AgencyId.of("redditch-bc"), AgencyId.of("wyre-forest-dc")),
            decision()));
    AccessRequest refusedFirst =
        request(report.eventId(), POLICE, AgencyId.of("worcs-trading-standards"));
    publish(AccessRequested.of(refusedFirst));
    publish(AccessRefused.of(refusedFirst, decision()));
    publish(AccessApproved.of(refusedFirst, decision()));

    // then the document carries Bromsgrove's grant only, and reaches Bromsgrove by it
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(grants(projected, report.eventId())).containsExactly("bromsgrove-dc"));
    assertThat(reach(projected, report.eventId()))
        .containsExactlyInAnyOrder(stamp(BROMSGROVE), stamp(POLICE));

    // when the report is amended, then the new revision keeps the grant
    Events.publish(List.of(Events.amendment(report, 2, NOVEMBER, "granted report, amended")));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              Hit<Map> copy = projected.copies(report.eventId()).getFirst();
              assertThat(((Number) copy.source().get("version")).longValue()).isEqualTo(2);
              assertThat(grants(projected, report.eventId())).containsExactly("bromsgrove-dc");
              assertThat(reach(projected, report.eventId())).contains(stamp(BROMSGROVE));
            });

    // and an approval that arrives before its event is indexed comes with the event
    IntelligenceReported late =
        Events.report(batch, 2, NOVEMBER, "granted before indexed", Tlp.AMBER_STRICT);
    publish(AccessApproved.of(request(late.eventId(), POLICE, BROMSGROVE), decision()));
    Events.publish(List.of(late));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(grants(projected, late.eventId())).containsExactly("bromsgrove-dc");
              assertThat(reach(projected, late.eventId())).contains(stamp(BROMSGROVE));
            });

    // when the projection is rebuilt from Kafka
    String started =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    mvc.perform(
                            post("/api/v1/admin/projection/rebuild")
                                .header(
                                    "Authorization", "Bearer " + tokens.accessToken("ops.admin")))
                        .andReturn()
                        .getResponse(),
                response -> response.getStatus() != 409)
            .getContentAsString();
    int target = JSON.readTree(started).get("building").asInt();
    JsonNode finished =
        await()
            .atMost(REBUILD_PATIENCE)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    JSON.readTree(
                        mvc.perform(
                                get("/api/v1/admin/projection")
                                    .header(
                                        "Authorization",
                                        "Bearer " + tokens.accessToken("ops.admin")))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString()),
                s -> s.at("/rebuild/finishedAt").isString());
    assertThat(finished.at("/rebuild/phase").asString())
        .as("last error: %s", finished.at("/rebuild/lastError"))
        .isEqualTo("SUCCEEDED");

    // then the new generation carries the grants too
    for (IntelligenceReported event : List.of(report, late)) {
      Hit<Map> copy = projected.copies(event.eventId()).getFirst();
      assertThat(copy.index()).contains("-g" + target + "-");
      assertThat(grants(projected, event.eventId())).containsExactly("bromsgrove-dc");
      assertThat(reach(projected, event.eventId())).contains(stamp(BROMSGROVE), stamp(POLICE));
    }
    // (the amendment made the first GREEN; the second, still AMBER+STRICT, reaches the grantee
    // only)
    assertThat(reach(projected, late.eventId()))
        .containsExactlyInAnyOrder(stamp(BROMSGROVE), stamp(POLICE));
  }

  /** The agencies the event's document says it reaches, as the access policy stamps them. */
  @SuppressWarnings("unchecked")
  private List<String> reach(Projected projected, EventId eventId) throws Exception {
    Map<String, Object> source = projected.copies(eventId).getFirst().source();
    assertThat(source.get("reachPolicy")).isEqualTo(policy.reachPolicy());
    return (List<String>) source.get("reach");
  }

  private String stamp(AgencyId agency) {
    return policy.stamp(agency);
  }

  @SuppressWarnings("unchecked")
  private static List<String> grants(Projected projected, EventId eventId) throws Exception {
    List<Hit<Map>> copies = projected.copies(eventId);
    if (copies.isEmpty()) {
      return List.of();
    }
    Object grants = copies.getFirst().source().get("grants");
    return grants == null ? List.of() : (List<String>) grants;
  }

  private static AccessRequest request(EventId eventId, AgencyId originator, AgencyId requester) {
    return new AccessRequest(
        UUID.randomUUID(),
        UUID.randomUUID(),
        eventId,
        originator,
        requester,
        "someone",
        "needed for a joint visit",
        Instant.now());
  }

  private static Decision decision() {
    return new Decision(UUID.randomUUID(), "decider", Instant.now(), "agreed");
  }

  private static void publish(AccessRequestEvent event) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                CrosslineStack.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ACCESS_REQUESTS,
                  event.request().requestId().toString(),
                  AccessRequestJson.write(event)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("publishing an access-request event failed", e);
    }
  }
}
