package uk.crossline.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.testsupport.CrosslineIntegrationTest;
import uk.crossline.testsupport.DemoTokens;

/**
 * The rebuild on the real broker, Elasticsearch and identity provider: a fresh generation from the
 * whole topic (every test's events, not just these), switched while search keeps answering.
 */
@CrosslineIntegrationTest
@SpringBootTest(properties = "crossline.indexer.rebuild.abandoned-after=20s")
@AutoConfigureMockMvc
class RebuildIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration REBUILD_PATIENCE = Duration.ofMinutes(5);
  private static final Instant NOVEMBER = Instant.parse("2026-11-10T12:00:00Z");
  private static final Instant JANUARY = Instant.parse("2026-01-20T08:00:00Z");
  private static final Instant MARCH = Instant.parse("2026-03-05T08:00:00Z");
  private static final Instant LAST_JUNE = Instant.parse("2025-06-14T18:30:00Z");
  private static final String STATE = "/api/v1/admin/projection";
  private static final String REBUILD = "/api/v1/admin/projection/rebuild";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired ElasticsearchClient client;

  /** A document as search would return it, minus when it was indexed. */
  record Document(String month, Map<String, Object> source) {}

  @Test
  void rebuildWithoutOperateRoleIsForbidden(DemoTokens tokens) throws Exception {
    mvc.perform(post(REBUILD).header("Authorization", bearer(tokens, "police.analyst")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Forbidden"));
    mvc.perform(get(STATE).header("Authorization", bearer(tokens, "ig.auditor")))
        .andExpect(status().isForbidden());
  }

  @Test
  void rebuildWithoutTokenIsUnauthorised() throws Exception {
    mvc.perform(post(REBUILD)).andExpect(status().isUnauthorized());
  }

  @Test
  void rebuildBuildsTheNextGenerationFromTheTopicAndSwitchesWhileSearchKeepsAnswering(
      DemoTokens tokens) throws Exception {
    // given a batch of reports over three months, some amended (two into another month), one
    // retracted, all projected
    String batch = Events.batch();
    List<IntelligenceReported> reports = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      reports.add(Events.report(batch, i, NOVEMBER, "november report " + i));
    }
    for (int i = 30; i < 40; i++) {
      reports.add(Events.report(batch, i, JANUARY, "january report " + i));
    }
    for (int i = 40; i < 45; i++) {
      reports.add(Events.report(batch, i, LAST_JUNE, "june report " + i));
    }
    Events.publish(reports);
    var projected = new Projected(client);
    await().atMost(PATIENCE).until(() -> projected.activeCount(batch) == 45);
    List<IntelligenceEvent> changes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      changes.add(Events.amendment(reports.get(i), 2, NOVEMBER, "november report, amended " + i));
    }
    changes.add(Events.amendment(reports.get(5), 2, MARCH, "moved to march"));
    changes.add(Events.amendment(reports.get(30), 2, MARCH, "january moved to march"));
    changes.add(Events.amendment(reports.get(31), 2, JANUARY, "january, second account"));
    changes.add(Events.amendment(reports.get(31), 3, JANUARY, "january, third account"));
    changes.add(Events.retraction(reports.get(6), 2));
    Events.publish(changes);
    long active = 44;
    long versions = 45 + 5 + 1 + 1 + 2 + 1; // the revisions the batch's documents end at
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              var documents = documents(batch);
              return documents.size() == 45
                  && documents.values().stream()
                          .mapToLong(d -> ((Number) d.source().get("version")).longValue())
                          .sum()
                      == versions;
            });
    assertThat(projected.activeCount(batch)).isEqualTo(active);
    Map<String, Document> before = documents(batch);
    int liveBefore = state(tokens).get("live").asInt();

    // and a reader that asks search for the batch every 50 ms
    var answers = new ConcurrentLinkedQueue<String>();
    ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
    reader.scheduleWithFixedDelay(
        () -> {
          try {
            answers.add(Long.toString(projected.activeCount(batch)));
          } catch (IOException | RuntimeException e) {
            answers.add("error: " + e);
          }
        },
        0,
        50,
        TimeUnit.MILLISECONDS);

    // when an operator starts a rebuild (one abandoned by an earlier run is taken over)
    String started =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    mvc.perform(post(REBUILD).header("Authorization", bearer(tokens, "ops.admin")))
                        .andReturn()
                        .getResponse(),
                response -> response.getStatus() != 409)
            .getContentAsString();
    JsonNode accepted = JSON.readTree(started);
    int target = accepted.get("building").asInt();

    // then it answers at once with the generation it builds, and refuses a second one
    assertThat(accepted.get("live").asInt()).isEqualTo(liveBefore);
    assertThat(target).isEqualTo(liveBefore + 1);
    assertThat(accepted.at("/rebuild/generation").asInt()).isEqualTo(target);
    assertThat(accepted.at("/rebuild/startedBy").asString()).isEqualTo("ops.admin");
    mvc.perform(post(REBUILD).header("Authorization", bearer(tokens, "ops.admin")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Rebuild already running"));

    // when events are published while it waits for the writers, and while it reads
    List<IntelligenceReported> during = new ArrayList<>();
    for (int i = 100; i < 103; i++) {
      during.add(Events.report(batch, i, NOVEMBER, "published while the rebuild starts " + i));
    }
    Events.publish(during);
    await()
        .atMost(PATIENCE)
        .until(() -> !state(tokens).at("/rebuild/phase").asString().equals("WAITING_FOR_WRITERS"));
    List<IntelligenceReported> later = new ArrayList<>();
    for (int i = 200; i < 203; i++) {
      later.add(Events.report(batch, i, MARCH, "published while the rebuild reads " + i));
    }
    Events.publish(later);
    JsonNode finished =
        await()
            .atMost(REBUILD_PATIENCE)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> state(tokens), s -> s.at("/rebuild/finishedAt").isString());
    reader.shutdown();
    assertThat(reader.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    // then it succeeded, read the whole topic and the new generation is live
    assertThat(finished.at("/rebuild/phase").asString())
        .as("last error: %s", finished.at("/rebuild/lastError"))
        .isEqualTo("SUCCEEDED");
    assertThat(finished.at("/rebuild/recordsRead").asLong())
        .isEqualTo(finished.at("/rebuild/recordsToRead").asLong())
        .isPositive();
    assertThat(finished.at("/rebuild/percent").asInt()).isEqualTo(100);
    assertThat(finished.get("live").asInt()).isEqualTo(target);
    assertThat(finished.get("building").isNull()).isTrue();

    // and search never stopped answering, nor lost any of the batch
    assertThat(answers).hasSizeGreaterThan(20);
    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer).doesNotStartWith("error").isNotEqualTo("0"))
        .allSatisfy(answer -> assertThat(Long.parseLong(answer)).isGreaterThanOrEqualTo(active));

    // and the alias serves the new generation only; the old one is gone
    assertThat(aliasedGenerations()).containsOnly(target);
    assertThat(indicesOf(liveBefore)).isEmpty();

    // and the batch reads exactly as before, plus what was published meanwhile
    await().atMost(PATIENCE).until(() -> projected.activeCount(batch) == active + 6);
    Map<String, Document> after = documents(batch);
    assertThat(after).containsAllEntriesOf(before);
    assertThat(after.keySet())
        .containsAll(
            Stream.concat(during.stream(), later.stream())
                .map(e -> e.eventId().value())
                .collect(Collectors.toSet()));
    assertThat(after).hasSize(before.size() + 6);

    // and what is published afterwards lands in the new generation, searchable
    var afterwards = Events.report(batch, 300, Instant.parse("2024-02-02T10:00:00Z"), "new month");
    Events.publish(List.of(afterwards));
    await().atMost(PATIENCE).until(() -> projected.copies(afterwards.eventId()).size() == 1);
    assertThat(projected.copies(afterwards.eventId()).getFirst().index())
        .isEqualTo(IntelligenceIndex.name(target, Instant.parse("2024-02-02T10:00:00Z")));
  }

  private JsonNode state(DemoTokens tokens) throws Exception {
    String body =
        mvc.perform(get(STATE).header("Authorization", bearer(tokens, "ops.admin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JSON.readTree(body);
  }

  /** Every document of the batch that search reads, active or tombstone, by id; one copy each. */
  @SuppressWarnings("unchecked")
  private Map<String, Document> documents(String batch) throws IOException {
    client.indices().refresh(r -> r.index(IntelligenceIndex.READ_ALIAS).ignoreUnavailable(true));
    var hits =
        client
            .search(
                s ->
                    s.index(IntelligenceIndex.READ_ALIAS)
                        .size(1000)
                        .query(q -> q.prefix(p -> p.field("originRefHash").value(batch))),
                Map.class)
            .hits()
            .hits();
    Map<String, Document> documents = new LinkedHashMap<>();
    for (Hit<Map> hit : hits) {
      Map<String, Object> source = new HashMap<>(hit.source());
      source.remove("indexedAt");
      String month = IntelligenceIndex.parse(hit.index()).orElseThrow().month().toString();
      Document earlier = documents.put(hit.id(), new Document(month, source));
      assertThat(earlier).as("a second copy of %s", hit.id()).isNull();
    }
    return documents;
  }

  private Set<Integer> aliasedGenerations() throws IOException {
    return client
        .indices()
        .getAlias(a -> a.name(IntelligenceIndex.READ_ALIAS))
        .result()
        .keySet()
        .stream()
        .map(index -> IntelligenceIndex.parse(index).orElseThrow().generation())
        .collect(Collectors.toSet());
  }

  private Set<String> indicesOf(int generation) throws IOException {
    return client
        .indices()
        .getAlias(
            a ->
                a.index(IntelligenceIndex.pattern(generation))
                    .ignoreUnavailable(true)
                    .allowNoIndices(true))
        .result()
        .keySet();
  }

  private static String bearer(DemoTokens tokens, String user) {
    return "Bearer " + tokens.accessToken(user);
  }
}
