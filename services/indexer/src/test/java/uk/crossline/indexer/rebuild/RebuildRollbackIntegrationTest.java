package uk.crossline.indexer.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.crossline.indexer.projection.Generations;
import uk.crossline.indexer.rebuild.RebuildStatus.Phase;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/**
 * A rebuild cut short (here by the indexer shutting down while it reads) leaves the projection as
 * it was: the same live generation, the alias untouched, nothing of the new generation left.
 */
@CrosslineIntegrationTest
@SpringBootTest(properties = "crossline.indexer.rebuild.abandoned-after=20s")
class RebuildRollbackIntegrationTest {

  private static final Caller OPERATOR =
      new Caller(
          "ops-admin-id",
          "ops.admin",
          AgencyId.of("west-mercia-police"),
          AgencyType.POLICE,
          Set.of(Role.OPERATE));

  @Autowired ProjectionRebuild rebuild;
  @Autowired Generations generations;

  @Test
  void rebuildCutShortWhileReadingRollsBackToTheLiveGeneration() throws Exception {
    // given a rebuild that has begun reading (one abandoned by an earlier run is taken over)
    ProjectionState started =
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptionsMatching(e -> e.getMessage().contains("already running"))
            .until(() -> rebuild.start(OPERATOR), s -> true);
    int live = started.live();
    int target = started.building().orElseThrow();
    Set<Integer> aliasedBefore = aliasedGenerations();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> rebuild.state().rebuild().orElseThrow().phase() == Phase.READING);

    // when the indexer shuts down
    rebuild.destroy();

    // then the rebuild failed, saying why, and the state is as before
    RebuildStatus status = rebuild.state().rebuild().orElseThrow();
    assertThat(status.phase()).isEqualTo(Phase.FAILED);
    assertThat(status.lastError()).contains("the indexer shut down during the rebuild");
    assertThat(status.finishedAt()).isPresent();
    ProjectionState after = rebuild.state();
    assertThat(after.live()).isEqualTo(live);
    assertThat(after.building()).isEmpty();
    assertThat(generations.current().building()).isEmpty();

    // and search reads what it read, and nothing of the new generation is left
    assertThat(aliasedGenerations()).isEqualTo(aliasedBefore);
    assertThat(indicesOf(target)).isEmpty();
  }

  private Set<Integer> aliasedGenerations() throws IOException {
    return generations.indices().entrySet().stream()
        .filter(index -> index.getValue())
        .map(index -> IntelligenceIndex.parse(index.getKey()).orElseThrow().generation())
        .collect(Collectors.toSet());
  }

  private Set<String> indicesOf(int generation) throws IOException {
    return generations.indices().keySet().stream()
        .filter(index -> IntelligenceIndex.parse(index).orElseThrow().generation() == generation)
        .collect(Collectors.toSet());
  }
}
