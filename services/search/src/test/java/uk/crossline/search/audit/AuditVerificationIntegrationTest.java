package uk.crossline.search.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditIndex;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;
import uk.crossline.testsupport.TopicReader;

/**
 * The chain verification on the real topic and index. Every test writes chains of its own straight
 * to the audit topic, as a writer would, and tampers only with those: other chains, written by
 * services and other tests, are never touched, and each test reads only its own chain's report.
 */
@CrosslineIntegrationTest
@SpringBootTest(properties = AuditVerificationIntegrationTest.SMALL_PAGES)
@AutoConfigureMockMvc
class AuditVerificationIntegrationTest {

  /** Pages small enough that the tests' chains span several of them. */
  static final String SMALL_PAGES = "crossline.search.audit.verification-page-size=100";

  private static final Duration COPIED = Duration.ofSeconds(60);
  private static final String PURPOSE = "monthly check of the access log";

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  @Test
  void untouchedChainIsIntactInTheLogAndInTheCopyAcrossManyPages(DemoTokens tokens)
      throws Exception {
    // given: a chain longer than two pages of the index walk
    String chain = AuditChainsFixture.newChain();
    List<AuditEntry> entries = AuditChainsFixture.chain(chain, 250);
    produce(entries);
    awaitCopied(chain, 250);

    // when
    JsonNode verification = verify(tokens, chain);

    // then
    for (String copy : List.of("log", "index")) {
      JsonNode report = AuditApi.chainIn(verification, copy, chain);
      assertThat(report.get("intact").asBoolean()).as(copy).isTrue();
      assertThat(report.get("records").asLong()).as(copy).isEqualTo(250);
      assertThat(report.get("lastSequence").asLong()).as(copy).isEqualTo(249);
    }
    assertThat(verification.get("log").get("copy").asString()).isEqualTo("KAFKA_LOG");
    assertThat(verification.get("index").get("copy").asString()).isEqualTo("INDEX");
  }

  @Test
  void entriesJustCopiedAreFoundByAuditorsThoughTheCopyRefreshesOnlyEveryHalfMinute(
      DemoTokens tokens) throws Exception {
    // given: a chain just copied (read by id, which needs no refresh) into an index that refreshes
    // every 30 s
    String walked = copiedJustNow();

    // when: an auditor walks the copy at once, then searches a second chain copied after the walk
    JsonNode verification = verify(tokens, walked);
    String searched = copiedJustNow();
    JsonNode page =
        new AuditApi(mvc, tokens)
            .records(Map.of("purpose", "audit of a fresh chain", "chain", searched));

    // then: each read refreshed the copy first, so each holds every entry
    assertThat(AuditApi.chainIn(verification, "index", walked).get("records").asLong())
        .isEqualTo(3);
    assertThat(page.get("total").asLong()).isEqualTo(3);
  }

  /** A new chain of three entries, once the copy holds them all; not yet refreshed. */
  private String copiedJustNow() throws Exception {
    String chain = AuditChainsFixture.newChain();
    List<AuditEntry> entries = AuditChainsFixture.chain(chain, 3);
    String index = AuditIndex.name(entries.getFirst().at());
    List<String> ids =
        entries.stream().map(e -> AuditIndex.documentId(chain, e.sequence())).toList();
    produce(entries);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                client.mget(m -> m.index(index).ids(ids), Map.class).docs().stream()
                    .allMatch(doc -> doc.result() != null && doc.result().found()));
    assertThat(
            client
                .indices()
                .getSettings(g -> g.index(index))
                .get(index)
                .settings()
                .index()
                .refreshInterval()
                .time())
        .as("the copy's own refresh")
        .isEqualTo("30s");
    return chain;
  }

  @Test
  void searchableFieldEditedInTheIndexIsTheFirstBrokenLinkOfThatChainAndSequence(DemoTokens tokens)
      throws Exception {
    // given
    String chain = AuditChainsFixture.newChain();
    List<AuditEntry> entries = AuditChainsFixture.chain(chain, 5);
    produce(entries);
    awaitCopied(chain, 5);

    // when: someone with write access to the index edits one document's purpose
    update(entries.get(2), Map.of("purpose", "routine check"));

    // then
    JsonNode verification = verify(tokens, chain);
    JsonNode index = AuditApi.chainIn(verification, "index", chain);
    assertThat(index.get("intact").asBoolean()).isFalse();
    assertThat(index.get("intactRecords").asLong()).isEqualTo(2);
    JsonNode link = index.get("firstBreak");
    assertThat(link.get("chain").asString()).isEqualTo(chain);
    assertThat(link.get("sequence").asLong()).isEqualTo(2);
    assertThat(link.get("problem").asString()).isEqualTo("COPY_ALTERED");
    assertThat(link.get("location").asString()).contains(chain + "/2");
    assertThat(AuditApi.chainIn(verification, "log", chain).get("intact").asBoolean()).isTrue();
  }

  @Test
  void recordEditedInTheIndexIsReportedAsAlteredAtItsSequence(DemoTokens tokens) throws Exception {
    // given
    String chain = AuditChainsFixture.newChain();
    List<AuditEntry> entries = AuditChainsFixture.chain(chain, 5);
    produce(entries);
    awaitCopied(chain, 5);

    // when: the exact record kept in the copy is edited, so the copy reads as a whole entry
    String edited =
        AuditJson.writeString(entries.get(3)).replace("chain verification test", "routine check");
    update(entries.get(3), Map.of("record", edited, "purpose", "routine check"));

    // then
    JsonNode link = AuditApi.chainIn(verify(tokens, chain), "index", chain).get("firstBreak");
    assertThat(link.get("sequence").asLong()).isEqualTo(3);
    assertThat(link.get("problem").asString()).isEqualTo("ALTERED");
  }

  @Test
  void recordDeletedFromTheIndexIsReportedAsMissing(DemoTokens tokens) throws Exception {
    // given
    String chain = AuditChainsFixture.newChain();
    List<AuditEntry> entries = AuditChainsFixture.chain(chain, 5);
    produce(entries);
    awaitCopied(chain, 5);

    // when
    AuditEntry deleted = entries.get(1);
    client.delete(
        d ->
            d.index(AuditIndex.name(deleted.at()))
                .id(AuditIndex.documentId(chain, 1))
                .refresh(Refresh.True));

    // then
    JsonNode verification = verify(tokens, chain);
    JsonNode index = AuditApi.chainIn(verification, "index", chain);
    assertThat(index.get("records").asLong()).isEqualTo(4);
    JsonNode link = index.get("firstBreak");
    assertThat(link.get("problem").asString()).isEqualTo("MISSING");
    assertThat(link.get("sequence").asLong()).isEqualTo(2);
    assertThat(link.get("detail").asString()).isEqualTo("entry 1 is missing before entry 2");
    assertThat(AuditApi.chainIn(verification, "log", chain).get("intact").asBoolean()).isTrue();
  }

  @Test
  void forgedEntriesOnTheTopicAreFoundByTheLogVerificationOfTheWholeHub(DemoTokens tokens)
      throws Exception {
    // given: a chain whose second entry names a predecessor that is not the first, sealed anew
    String relinked = AuditChainsFixture.newChain();
    List<AuditEntry> first = new ArrayList<>(AuditChainsFixture.chain(relinked, 3));
    first.set(1, AuditChainsFixture.withPreviousHash(first.get(1), "ab".repeat(32)));
    // and a chain whose second entry does not give its own hash
    String altered = AuditChainsFixture.newChain();
    List<AuditEntry> second = new ArrayList<>(AuditChainsFixture.chain(altered, 3));
    second.set(1, AuditChainsFixture.withPurpose(second.get(1), "no reason at all"));

    // when
    produce(first);
    produce(second);

    // then: the check of every chain names both, at sequence 1
    JsonNode verification = verify(tokens, null);
    assertThat(verification.get("log").get("intact").asBoolean()).isFalse();
    JsonNode link = AuditApi.chainIn(verification, "log", relinked).get("firstBreak");
    assertThat(link.get("sequence").asLong()).isEqualTo(1);
    assertThat(link.get("problem").asString()).isEqualTo("LINK_BROKEN");
    assertThat(link.get("location").asString()).startsWith("partition ");
    link = AuditApi.chainIn(verification, "log", altered).get("firstBreak");
    assertThat(link.get("sequence").asLong()).isEqualTo(1);
    assertThat(link.get("problem").asString()).isEqualTo("ALTERED");

    // and the copy, once it holds them, says the same
    awaitCopied(relinked, 3);
    awaitCopied(altered, 3);
    JsonNode copy = verify(tokens, altered);
    assertThat(AuditApi.chainIn(copy, "index", altered).get("firstBreak").get("problem").asString())
        .isEqualTo("ALTERED");
  }

  @Test
  void secondRecordClaimingATakenPlaceIsDeadLetteredAndTheCopyGoesOn(DemoTokens tokens)
      throws Exception {
    // given
    String chain = AuditChainsFixture.newChain();
    List<AuditEntry> entries = AuditChainsFixture.chain(chain, 4);
    AuditEntry impostor =
        AuditChainsFixture.sealedAgain(
            AuditChainsFixture.withPurpose(entries.get(1), "an impostor"));
    TopicReader.Mark deadLettersBefore = TopicReader.mark(Topics.AUDIT_LOG_DLT);

    // when: the impostor arrives after the genuine entry 1, and the chain goes on after it
    produce(List.of(entries.get(0), entries.get(1)));
    produce(List.of(impostor));
    produce(List.of(entries.get(2), entries.get(3)));

    // then: the copy holds the genuine chain, whole, and the impostor is a dead letter
    awaitCopied(chain, 4);
    JsonNode verification = verify(tokens, chain);
    assertThat(AuditApi.chainIn(verification, "index", chain).get("intact").asBoolean()).isTrue();
    await()
        .atMost(COPIED)
        .until(
            () ->
                TopicReader.recordsSince(deadLettersBefore).stream()
                    .anyMatch(record -> chain.equals(record.key())));
    // while the log, the source of truth, shows the impostor, whole in itself, out of its place
    JsonNode link = AuditApi.chainIn(verification, "log", chain).get("firstBreak");
    assertThat(link.get("sequence").asLong()).isEqualTo(1);
    assertThat(link.get("problem").asString()).isEqualTo("OUT_OF_ORDER");
  }

  private JsonNode verify(DemoTokens tokens, String chain) throws Exception {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("purpose", PURPOSE);
    if (chain != null) {
      parameters.put("chain", chain);
    }
    return new AuditApi(mvc, tokens).verification(parameters);
  }

  private void awaitCopied(String chain, long entries) {
    AuditCopies.awaitCopied(client, chain, entries);
  }

  private void update(AuditEntry entry, Map<String, Object> fields) throws Exception {
    client.update(
        u ->
            u.index(AuditIndex.name(entry.at()))
                .id(AuditIndex.documentId(entry.chain(), entry.sequence()))
                .doc(fields)
                .refresh(Refresh.True),
        Map.class);
  }

  /** Writes entries to the audit topic as a writer does: keyed by chain, one at a time. */
  private static void produce(List<AuditEntry> entries) throws Exception {
    try (var producer = AuditCopies.producer()) {
      for (AuditEntry entry : entries) {
        producer
            .send(new ProducerRecord<>(Topics.AUDIT_LOG, entry.chain(), AuditJson.write(entry)))
            .get();
      }
    }
  }
}
