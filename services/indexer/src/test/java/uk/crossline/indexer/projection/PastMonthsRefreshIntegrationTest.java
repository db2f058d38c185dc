package uk.crossline.indexer.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/**
 * A backfill writes to many months at once: their indices refresh every 5 s, the current month's
 * every second, and the month just ended slows down when the next one's index is made.
 */
@CrosslineIntegrationTest
@SpringBootTest
class PastMonthsRefreshIntegrationTest {

  @Autowired ElasticsearchClient client;

  @Test
  void pastMonthsRefreshLessOftenThanTheCurrentOneAndTheMonthJustEndedSlowsDown() throws Exception {
    int generation = 900 + ThreadLocalRandom.current().nextInt(90);
    String january = IntelligenceIndex.name(generation, YearMonth.of(1971, 1));
    String march = IntelligenceIndex.name(generation, YearMonth.of(1971, 3));
    String april = IntelligenceIndex.name(generation, YearMonth.of(1971, 4));
    try {
      // Given an indexer on 15 March 1971
      Generations inMarch = generations("1971-03-15T12:00:00Z");

      // When it makes the indices of January and of March
      inMarch.ensureIndex(january, false);
      inMarch.ensureIndex(march, false);

      // Then January's refreshes every 5 s and March's as the template says, every second
      assertThat(refreshInterval(january)).isEqualTo("5000ms");
      assertThat(refreshInterval(march)).isEqualTo("1s");

      // And when an indexer in April makes April's index, March's slows down
      generations("1971-04-01T00:00:05Z").ensureIndex(april, false);
      assertThat(refreshInterval(april)).isEqualTo("1s");
      assertThat(refreshInterval(march)).isEqualTo("5000ms");
    } finally {
      client.indices().delete(d -> d.index(january, march, april).ignoreUnavailable(true));
    }
  }

  private Generations generations(String now) {
    return new Generations(
        client,
        Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
        MappingUpgradeIntegrationTest.settings());
  }

  private String refreshInterval(String index) throws Exception {
    var settings =
        client.indices().getSettings(g -> g.index(index).includeDefaults(true)).get(index);
    return settings.settings().index().refreshInterval().time();
  }
}
