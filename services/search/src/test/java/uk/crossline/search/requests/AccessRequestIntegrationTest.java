package uk.crossline.search.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.Topics;
import uk.crossline.model.accessrequest.AccessApproved;
import uk.crossline.model.accessrequest.AccessRefused;
import uk.crossline.model.accessrequest.AccessRequestEvent;
import uk.crossline.model.accessrequest.AccessRequestJson;
import uk.crossline.model.accessrequest.AccessRequested;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Tlp;
import uk.crossline.search.AccessLogReader;
import uk.crossline.search.lookup.LookupSeeds;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;

/**
 * Hit / no-hit to access: Bromsgrove looks up a phone on a Redditch AMBER event shared with someone
 * else, asks, and Redditch decides. The approval's effect on what Bromsgrove sees is shown by
 * writing the grant the way the indexer does (the indexer's own test proves it does); everything up
 * to the approval on the topic is the real service.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class AccessRequestIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REQUESTS = "/api/v1/access-requests";

  /** What a requester is told of a new ask, whatever the number of events it concerns. */
  private static final Set<String> ASK_FIELDS = Set.of("askId", "status", "requestedAt");

  /** What a requester lists of an ask, whatever the number of events it concerns. */
  private static final Set<String> OUTGOING_FIELDS =
      Set.of("askId", "status", "requestedAt", "requestedBy", "justification", "approved");

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  @Test
  void approvedRequestLetsTheRequesterSeeTheEventAndOnlyTheOriginatorDecidesOnce(DemoTokens tokens)
      throws Exception {
    // given a Redditch AMBER event that names only Wyre Forest, with a phone
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    IntelligenceReported event = seeds.redditchAmberForWyreForest(phone);
    String eventId = event.eventId().value();
    String justification = "Joint safeguarding visit " + UUID.randomUUID();
    var auditStart = TopicReader.mark(Topics.AUDIT_LOG);
    var topicStart = TopicReader.mark(Topics.ACCESS_REQUESTS);

    // when Bromsgrove looks the phone up: a hit it may not see
    JsonNode hit = lookup(tokens, "bromsgrove.cso", phone);
    assertThat(hit.get("events")).isEmpty();
    assertThat(hit.at("/otherMatches/exists").asBoolean()).isTrue();

    // and asks for access
    String created =
        body(
            ask(
                    tokens,
                    "bromsgrove.cso",
                    hit.at("/otherMatches/matchRef").asString(),
                    justification)
                .andExpect(status().isCreated()));

    // then it gets one pending ask, without the event or whose it is
    JsonNode answer = JSON.readTree(created);
    assertThat(fields(answer)).isEqualTo(ASK_FIELDS);
    assertThat(answer.get("status").asString()).isEqualTo("PENDING");
    String askId = answer.get("askId").asString();
    assertThat(created).doesNotContain(eventId).doesNotContain("redditch");
    JsonNode outgoing = outgoing(tokens, "bromsgrove.cso", askId);
    assertThat(fields(outgoing)).isEqualTo(OUTGOING_FIELDS);
    assertThat(outgoing.get("status").asString()).isEqualTo("PENDING");
    assertThat(outgoing.get("approved")).isEmpty();
    assertThat(outgoing.get("requestedBy").asString()).isEqualTo("bromsgrove.cso");
    assertThat(outgoing.get("justification").asString()).isEqualTo(justification);
    assertThat(outgoing.toString()).doesNotContain(eventId).doesNotContain("redditch");

    // and asking again while it is pending sends nothing and says only that it was asked already
    var topicBeforeAgain = TopicReader.mark(Topics.ACCESS_REQUESTS);
    ask(tokens, "bromsgrove.cso", matchRef(tokens, "bromsgrove.cso", phone), justification)
        .andExpect(status().isOk())
        .andExpect(content().json("{\"alreadyAsked\": true}", JsonCompareMode.STRICT));
    assertThat(asksOf(tokens, "bromsgrove.cso"))
        .filteredOn(a -> a.get("justification").asString().equals(justification))
        .hasSize(1);

    // when Redditch lists what it was asked, it sees its event, who asks and why, but no ask id
    JsonNode incoming = incoming(tokens, "redditch.cso", eventId);
    String requestId = incoming.get("requestId").asString();
    assertThat(incoming.at("/requester/id").asString()).isEqualTo("bromsgrove-dc");
    assertThat(incoming.get("justification").asString()).isEqualTo(justification);
    assertThat(incoming.get("requestedBy").asString()).isEqualTo("bromsgrove.cso");
    assertThat(incoming.has("askId")).isFalse();
    assertThat(incoming.toString()).doesNotContain(askId);
    assertThat(recordsSince(topicBeforeAgain, null))
        .noneMatch(r -> r.request().eventId().equals(event.eventId()));

    // and another agency cannot decide, nor even tell the request exists
    decide(tokens, "wyreforest.cso", requestId, "approval").andExpect(status().isNotFound());
    decide(tokens, "bromsgrove.cso", requestId, "approval").andExpect(status().isNotFound());
    decide(tokens, "redditch.cso", UUID.randomUUID().toString(), "approval")
        .andExpect(status().isNotFound());
    decide(tokens, "redditch.cso", askId, "approval").andExpect(status().isNotFound());

    // when Redditch approves, then it is approved once and for all
    decide(tokens, "redditch.cso", requestId, "approval")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value("redditch.cso"))
        .andExpect(jsonPath("$.askId").doesNotExist());
    decide(tokens, "redditch.cso", requestId, "approval").andExpect(status().isConflict());
    decide(tokens, "redditch.cso", requestId, "refusal").andExpect(status().isConflict());

    // and Bromsgrove's ask is answered: it now learns which event and whose
    JsonNode approved = outgoing(tokens, "bromsgrove.cso", askId);
    assertThat(fields(approved)).isEqualTo(OUTGOING_FIELDS);
    assertThat(approved.get("status").asString()).isEqualTo("ANSWERED");
    assertThat(approved.get("approved")).hasSize(1);
    assertThat(approved.at("/approved/0/eventId").asString()).isEqualTo(eventId);
    assertThat(approved.at("/approved/0/originator/name").asString())
        .isEqualTo("Redditch Borough Council");

    // and the topic carries the request and the approval, keyed by the request id, in the ask
    List<AccessRequestEvent> published = recordsSince(topicStart, requestId);
    assertThat(published).hasAtLeastOneElementOfType(AccessRequested.class);
    AccessApproved approval =
        published.stream()
            .filter(AccessApproved.class::isInstance)
            .map(AccessApproved.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(approval.request().askId()).hasToString(askId);
    assertThat(approval.request().eventId()).isEqualTo(event.eventId());
    assertThat(approval.request().requester().value()).isEqualTo("bromsgrove-dc");
    assertThat(approval.request().originator().value()).isEqualTo("redditch-bc");

    // when the indexer writes the grant (as it does from the approval)
    Map<String, Object> granted = IntelligenceDocuments.source(event, java.time.Instant.now());
    granted.put("grants", List.of(approval.request().requester().value()));
    seeds.write(event.eventId(), granted);

    // then Bromsgrove sees the event in search and in a look-up, which no longer discloses it
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode seen = lookup(tokens, "bromsgrove.cso", phone);
              assertThat(ids(seen.get("events"))).containsExactly(eventId);
              assertThat(seen.at("/otherMatches/exists").asBoolean()).isFalse();
            });
    String search =
        body(
            mvc.perform(
                    get("/api/v1/search")
                        .header("Authorization", bearer(tokens, "bromsgrove.cso"))
                        .param("purpose", "after the approval")
                        .param("q", seeds.marker))
                .andExpect(status().isOk()));
    assertThat(ids(JSON.readTree(search).get("hits"))).containsExactly(eventId);
    assertThat(search).doesNotContain("\"grants\"");

    // and the access log holds the request and the decision, each with the event
    List<AuditEntry> audit = AccessLogReader.entriesSince(auditStart);
    assertThat(audit)
        .filteredOn(e -> e.action() == AuditAction.ACCESS_REQUEST)
        .filteredOn(e -> e.purpose().orElse("").equals(justification))
        .isNotEmpty()
        .allSatisfy(
            e -> assertThat(e.eventIds()).extracting(Object::toString).containsExactly(eventId))
        .anySatisfy(e -> assertThat(e.criteria()).containsEntry("askId", askId));
    assertThat(audit)
        .filteredOn(e -> e.action() == AuditAction.ACCESS_DECISION)
        .filteredOn(e -> requestId.equals(e.criteria().get("requestId")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.criteria()).containsEntry("decision", "APPROVED");
              assertThat(e.eventIds()).extracting(Object::toString).containsExactly(eventId);
            });
  }

  @Test
  void anAskOfTwoOriginatorsReadsLikeAnAskOfOneAndEachOriginatorDecidesOnlyOnItsOwn(
      DemoTokens tokens) throws Exception {
    // given a phone on a Redditch AMBER event and on a police AMBER event, both naming only Wyre
    // Forest, and another phone on one Redditch AMBER event alone
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    String loner = LookupSeeds.phone();
    IntelligenceReported redditch = seeds.redditchAmberForWyreForest(phone);
    IntelligenceReported police =
        seeds.seed(
            LookupSeeds.POLICE,
            Tlp.AMBER,
            LookupSeeds.scope("wyre-forest-dc"),
            LookupSeeds.identifier(IdentifierType.PHONE, phone));
    IntelligenceReported single = seeds.redditchAmberForWyreForest(loner);
    String justification = "Two-originator ask " + UUID.randomUUID();

    // when Bromsgrove asks for each phone's hidden matches
    JsonNode ofTwo =
        read(
            ask(tokens, "bromsgrove.cso", matchRef(tokens, "bromsgrove.cso", phone), justification)
                .andExpect(status().isCreated()));
    JsonNode ofOne =
        read(
            ask(tokens, "bromsgrove.cso", matchRef(tokens, "bromsgrove.cso", loner), justification)
                .andExpect(status().isCreated()));

    // then the two answers, and the two asks listed, have the same fields and nothing countable
    assertThat(fields(ofTwo)).isEqualTo(fields(ofOne)).isEqualTo(ASK_FIELDS);
    String askId = ofTwo.get("askId").asString();
    JsonNode listedTwo = outgoing(tokens, "bromsgrove.cso", askId);
    JsonNode listedOne = outgoing(tokens, "bromsgrove.cso", ofOne.get("askId").asString());
    assertThat(fields(listedTwo)).isEqualTo(fields(listedOne)).isEqualTo(OUTGOING_FIELDS);
    assertThat(listedTwo.get("approved")).isEmpty();
    assertThat(listedOne.get("approved")).isEmpty();
    assertThat(List.of(ofTwo.toString(), listedTwo.toString()))
        .allSatisfy(
            json ->
                assertThat(json)
                    .doesNotContain(redditch.eventId().value())
                    .doesNotContain(police.eventId().value())
                    .doesNotContain("redditch")
                    .doesNotContain("west-mercia"));

    // and each originator is asked for its own event only
    String redditchRequest =
        incoming(tokens, "redditch.cso", redditch.eventId().value()).get("requestId").asString();
    String policeRequest =
        incoming(tokens, "police.analyst", police.eventId().value()).get("requestId").asString();
    assertThat(incomingFor(tokens, "redditch.cso", police.eventId().value())).isEmpty();
    assertThat(incomingFor(tokens, "police.analyst", redditch.eventId().value())).isEmpty();
    assertThat(incomingFor(tokens, "police.analyst", single.eventId().value())).isEmpty();
    decide(tokens, "redditch.cso", policeRequest, "approval").andExpect(status().isNotFound());
    decide(tokens, "police.analyst", redditchRequest, "refusal").andExpect(status().isNotFound());

    // when Redditch approves, then the ask is still pending, with Redditch's event approved
    decide(tokens, "redditch.cso", redditchRequest, "approval").andExpect(status().isOk());
    JsonNode halfway = outgoing(tokens, "bromsgrove.cso", askId);
    assertThat(fields(halfway)).isEqualTo(OUTGOING_FIELDS);
    assertThat(halfway.get("status").asString()).isEqualTo("PENDING");
    assertThat(approvedIds(halfway)).containsExactly(redditch.eventId().value());
    assertThat(halfway.at("/approved/0/originator/id").asString()).isEqualTo("redditch-bc");
    assertThat(halfway.toString())
        .doesNotContain(police.eventId().value())
        .doesNotContain("west-mercia");

    // when the police refuse, then the ask is answered, with still only Redditch's event
    decide(tokens, "police.analyst", policeRequest, "refusal").andExpect(status().isOk());
    JsonNode answered = outgoing(tokens, "bromsgrove.cso", askId);
    assertThat(fields(answered)).isEqualTo(OUTGOING_FIELDS);
    assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
    assertThat(approvedIds(answered)).containsExactly(redditch.eventId().value());
    assertThat(answered.toString())
        .doesNotContain(police.eventId().value())
        .doesNotContain("west-mercia")
        .doesNotContain(policeRequest);

    // and the single-event ask, undecided, is untouched
    assertThat(
            outgoing(tokens, "bromsgrove.cso", ofOne.get("askId").asString())
                .get("status")
                .asString())
        .isEqualTo("PENDING");
  }

  @Test
  void whenNoMatchIsHiddenAnyMoreThereIsNothingToAskAndNothingIsSent(DemoTokens tokens)
      throws Exception {
    // given a match reference for a Redditch event Bromsgrove may not see
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    IntelligenceReported event = seeds.redditchAmberForWyreForest(phone);
    String matchRef = matchRef(tokens, "bromsgrove.cso", phone);

    // when Bromsgrove comes to see the event before it asks
    Map<String, Object> granted = IntelligenceDocuments.source(event, java.time.Instant.now());
    granted.put("grants", List.of("bromsgrove-dc"));
    seeds.write(event.eventId(), granted);

    // then there is nothing to ask for, and Redditch is asked nothing
    ask(tokens, "bromsgrove.cso", matchRef, "Needed for a joint visit")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Nothing to ask for"));
    assertThat(incomingFor(tokens, "redditch.cso", event.eventId().value())).isEmpty();
  }

  @Test
  void refusedRequestLeavesTheEventHiddenAndTellsTheRequesterOnlyThatItWasRefused(DemoTokens tokens)
      throws Exception {
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    IntelligenceReported event = seeds.redditchAmberForWyreForest(phone);
    var topicStart = TopicReader.mark(Topics.ACCESS_REQUESTS);
    String askId = ask(tokens, "bromsgrove.cso", phone);
    String requestId =
        incoming(tokens, "redditch.cso", event.eventId().value()).get("requestId").asString();
    String reason = "Operation in progress " + UUID.randomUUID();

    decide(tokens, "redditch.cso", requestId, "refusal", reason)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REFUSED"))
        .andExpect(jsonPath("$.reason").value(reason));
    decide(tokens, "redditch.cso", requestId, "approval").andExpect(status().isConflict());

    // then the ask reads answered with nothing approved: not that, nor why, nor by whom refused
    JsonNode outgoing = outgoing(tokens, "bromsgrove.cso", askId);
    assertThat(fields(outgoing)).isEqualTo(OUTGOING_FIELDS);
    assertThat(outgoing.get("status").asString()).isEqualTo("ANSWERED");
    assertThat(outgoing.get("approved")).isEmpty();
    assertThat(outgoing.toString())
        .doesNotContain(reason)
        .doesNotContain("redditch")
        .doesNotContain(requestId)
        .doesNotContain(event.eventId().value());
    assertThat(recordsSince(topicStart, requestId)).hasAtLeastOneElementOfType(AccessRefused.class);
    JsonNode after = lookup(tokens, "bromsgrove.cso", phone);
    assertThat(after.get("events")).isEmpty();
    assertThat(after.toString()).doesNotContain(event.eventId().value());
  }

  @Test
  void twoPeopleDecidingAtOnceGetOneDecisionAndOneConflict(DemoTokens tokens) throws Exception {
    // given a pending request for a Redditch event
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    IntelligenceReported event = seeds.redditchAmberForWyreForest(phone);
    ask(tokens, "bromsgrove.cso", phone);
    String requestId =
        incoming(tokens, "redditch.cso", event.eventId().value()).get("requestId").asString();
    tokens.accessToken("redditch.cso"); // fetched before the race, so both calls leave together

    // when one approves and another refuses at the same moment
    var start = new java.util.concurrent.CountDownLatch(1);
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      var approval =
          pool.submit(
              () -> {
                start.await();
                return decide(tokens, "redditch.cso", requestId, "approval")
                    .andReturn()
                    .getResponse();
              });
      var refusal =
          pool.submit(
              () -> {
                start.await();
                return decide(tokens, "redditch.cso", requestId, "refusal")
                    .andReturn()
                    .getResponse();
              });
      start.countDown();
      int approved = approval.get().getStatus();
      int refused = refusal.get().getStatus();

      // then exactly one decided, the other was told so, and the request shows the one that did
      assertThat(List.of(approved, refused)).containsExactlyInAnyOrder(200, 409);
      assertThat(incoming(tokens, "redditch.cso", event.eventId().value()).get("status").asString())
          .isEqualTo(approved == 200 ? "APPROVED" : "REFUSED");
    }
  }

  @Test
  void aMatchRefServesOnlyTheAgencyItWasGivenToAndCannotBeAltered(DemoTokens tokens)
      throws Exception {
    var seeds = new LookupSeeds(client);
    String phone = LookupSeeds.phone();
    seeds.seed(
        LookupSeeds.REDDITCH,
        Tlp.GREEN,
        LookupSeeds.scope(),
        LookupSeeds.identifier(IdentifierType.PHONE, phone));
    // trading standards may not see a GREEN deal line: a hit it may ask for
    String matchRef = lookup(tokens, "ts.officer", phone).at("/otherMatches/matchRef").asString();
    assertThat(matchRef).isNotBlank();
    char last = matchRef.charAt(matchRef.length() - 5);
    String altered =
        matchRef.substring(0, matchRef.length() - 5)
            + (last == 'A' ? 'B' : 'A')
            + matchRef.substring(matchRef.length() - 4);

    for (var attempt :
        List.of(
            List.of("bromsgrove.cso", matchRef),
            List.of("ts.officer", altered),
            List.of("ts.officer", "not-a-reference"))) {
      ask(
              tokens,
              attempt.get(0),
              Map.of("matchRef", attempt.get(1), "justification", "Checking the shop"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("matchRef"));
    }
    ask(tokens, "ts.officer", Map.of("matchRef", matchRef))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("justification"));
  }

  @Test
  void listingNeedsADirectionAndTheRightRole(DemoTokens tokens) throws Exception {
    mvc.perform(get(REQUESTS).header("Authorization", bearer(tokens, "redditch.cso")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("direction"));
    mvc.perform(
            get(REQUESTS)
                .param("direction", "outgoing")
                .header("Authorization", bearer(tokens, "school.lead")))
        .andExpect(status().isForbidden());
    // a school submits only, yet decides on access to its own reports
    mvc.perform(
            get(REQUESTS)
                .param("direction", "incoming")
                .header("Authorization", bearer(tokens, "school.lead")))
        .andExpect(status().isOk());
    mvc.perform(
            get(REQUESTS)
                .param("direction", "incoming")
                .header("Authorization", bearer(tokens, "ops.admin")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theOpenApiDocumentDescribesLookUpsAndAccessRequests() throws Exception {
    JsonNode document = read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
    JsonNode paths = document.get("paths");
    assertThat(paths.has("/api/v1/lookups")).isTrue();
    assertThat(paths.has(REQUESTS)).isTrue();
    assertThat(paths.has(REQUESTS + "/{requestId}/approval")).isTrue();
    assertThat(paths.has(REQUESTS + "/{requestId}/refusal")).isTrue();
    assertThat(paths.at("/~1api~1v1~1lookups/post/requestBody/content").toString())
        .contains("Lookup");
    assertThat(document.at("/components/schemas/Lookup/properties").toString())
        .contains("purpose")
        .contains("type")
        .contains("value");
  }

  /** Asks for the hidden matches of the phone; returns the ask id. */
  private String ask(DemoTokens tokens, String user, String phone) throws Exception {
    return read(ask(tokens, user, matchRef(tokens, user, phone), "Needed for a joint visit")
            .andExpect(status().isCreated()))
        .get("askId")
        .asString();
  }

  private ResultActions ask(DemoTokens tokens, String user, String matchRef, String justification)
      throws Exception {
    return ask(tokens, user, Map.of("matchRef", matchRef, "justification", justification));
  }

  private ResultActions ask(DemoTokens tokens, String user, Map<String, String> request)
      throws Exception {
    return mvc.perform(
        post(REQUESTS)
            .header("Authorization", bearer(tokens, user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(request)));
  }

  private String matchRef(DemoTokens tokens, String user, String phone) throws Exception {
    String matchRef = lookup(tokens, user, phone).at("/otherMatches/matchRef").asString();
    assertThat(matchRef).isNotBlank();
    return matchRef;
  }

  private JsonNode lookup(DemoTokens tokens, String user, String phone) throws Exception {
    return read(
        mvc.perform(
                post("/api/v1/lookups")
                    .header("Authorization", bearer(tokens, user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        JSON.writeValueAsString(
                            Map.of(
                                "purpose",
                                "access request test",
                                "type",
                                "PHONE",
                                "value",
                                phone))))
            .andExpect(status().isOk()));
  }

  private List<JsonNode> list(DemoTokens tokens, String user, String direction) throws Exception {
    JsonNode all =
        read(
            mvc.perform(
                    get(REQUESTS)
                        .param("direction", direction)
                        .header("Authorization", bearer(tokens, user)))
                .andExpect(status().isOk()));
    List<JsonNode> entries = new ArrayList<>();
    all.get("requests").forEach(entries::add);
    return entries;
  }

  private List<JsonNode> asksOf(DemoTokens tokens, String user) throws Exception {
    return list(tokens, user, "outgoing");
  }

  /** The requester's view of one ask. */
  private JsonNode outgoing(DemoTokens tokens, String user, String askId) throws Exception {
    return asksOf(tokens, user).stream()
        .filter(a -> a.get("askId").asString().equals(askId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(askId + " not listed outgoing for " + user));
  }

  /** The originator's view of the one request for its event. */
  private JsonNode incoming(DemoTokens tokens, String user, String eventId) throws Exception {
    List<JsonNode> found = incomingFor(tokens, user, eventId);
    assertThat(found).as("requests for %s listed incoming for %s", eventId, user).hasSize(1);
    return found.getFirst();
  }

  private List<JsonNode> incomingFor(DemoTokens tokens, String user, String eventId)
      throws Exception {
    return list(tokens, user, "incoming").stream()
        .filter(r -> r.get("eventId").asString().equals(eventId))
        .toList();
  }

  private static List<String> approvedIds(JsonNode ask) {
    List<String> ids = new ArrayList<>();
    ask.get("approved").forEach(e -> ids.add(e.get("eventId").asString()));
    return ids;
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.properties().forEach(p -> names.add(p.getKey()));
    return names;
  }

  private ResultActions decide(DemoTokens tokens, String user, String requestId, String decision)
      throws Exception {
    return decide(tokens, user, requestId, decision, "Agreed at the partnership meeting");
  }

  private ResultActions decide(
      DemoTokens tokens, String user, String requestId, String decision, String reason)
      throws Exception {
    return mvc.perform(
        post(REQUESTS + "/" + requestId + "/" + decision)
            .header("Authorization", bearer(tokens, user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("reason", reason))));
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }

  private static JsonNode read(ResultActions result) throws Exception {
    return JSON.readTree(body(result));
  }

  private static String bearer(DemoTokens tokens, String user) {
    return "Bearer " + tokens.accessToken(user);
  }

  private static Set<String> ids(JsonNode events) {
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.get("eventId").asString()));
    return ids;
  }

  /** The access-request events published since the mark, those of one request if named. */
  private static List<AccessRequestEvent> recordsSince(TopicReader.Mark start, String requestId) {
    // Others' tests share the topic, some with code of another version: what cannot be read is not
    // ours.
    List<AccessRequestEvent> events = new ArrayList<>();
    List<byte[]> values =
        requestId == null
            ? TopicReader.recordsSince(start).stream().map(ConsumerRecord::value).toList()
            : TopicReader.valuesSince(start, requestId);
    for (byte[] value : values) {
      try {
        events.add(AccessRequestJson.read(value));
      } catch (IllegalArgumentException e) {
        // not ours
      }
    }
    return events;
  }
}
