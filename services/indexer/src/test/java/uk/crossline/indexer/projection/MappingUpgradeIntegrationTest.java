package uk.crossline.indexer.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.crossline.indexer.IndexerSettings;
import uk.crossline.model.Topics;
import uk.crossline.model.access.EventAccess;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/**
 * An index created before a field joined the template (grants, then each document's reach) gets the
 * field when the indexer starts.
 */
@CrosslineIntegrationTest
@SpringBootTest
class MappingUpgradeIntegrationTest {

  @Autowired ElasticsearchClient client;

  @Test
  void indexCreatedBeforeGrantsAndReachExistedGetsThemBeforeTheFirstWrite() throws Exception {
    // Given an index of the projection made under an older template, without grants or reach
    int generation = 900 + ThreadLocalRandom.current().nextInt(90);
    String old = IntelligenceIndex.name(generation, YearMonth.of(1971, 1));
    String next = IntelligenceIndex.name(generation, YearMonth.of(1971, 2));
    String olderTemplate = "test-older-template-" + generation;
    client
        .indices()
        .putIndexTemplate(
            t ->
                t.name(olderTemplate)
                    .withJson(
                        new StringReader(
                            """
                            {"index_patterns": ["%s"], "priority": 1000,
                             "template": {"mappings": {"dynamic": "strict",
                               "properties": {"eventId": {"type": "keyword"}}}}}
                            """
                                .formatted(old))));
    try {
      client.indices().create(c -> c.index(old));
      assertThat(addedFieldsMapped(old)).isFalse();

      // When an indexer instance prepares its first write
      new Generations(client, Clock.systemUTC(), settings()).ensureIndex(next, false);

      // Then the older index has the fields too
      assertThat(addedFieldsMapped(old)).isTrue();
    } finally {
      client.indices().deleteIndexTemplate(d -> d.name(olderTemplate));
      client.indices().delete(d -> d.index(old, next).ignoreUnavailable(true));
    }
  }

  /** Whether the index maps the fields added since the first template: grants, then reach. */
  private boolean addedFieldsMapped(String index) throws Exception {
    var properties =
        client.indices().getMapping(m -> m.index(index)).get(index).mappings().properties();
    return properties.containsKey(EventAccess.GRANTS_FIELD)
        && properties.containsKey("reach")
        && properties.containsKey("reachPolicy");
  }

  static IndexerSettings settings() {
    return new IndexerSettings(
        Topics.INTELLIGENCE_EVENTS,
        "unused",
        1,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }
}
