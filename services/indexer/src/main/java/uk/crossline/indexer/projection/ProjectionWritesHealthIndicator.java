package uk.crossline.indexer.projection;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * Down while an index the indexer writes carries a write block: the read-only block Elasticsearch
 * sets at its flood-stage disk watermark ({@code index.blocks.read_only_allow_delete}), or one an
 * operator set. The cluster's own health stays green then, so without this the indexer would look
 * well while every batch is refused; the events wait in Kafka, uncommitted, until the block is
 * lifted.
 */
@Component
class ProjectionWritesHealthIndicator extends AbstractHealthIndicator {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The blocks that refuse writes; a read block does not stop the indexer. */
  private static final String WRITE_BLOCKS =
      "index.blocks.read_only,index.blocks.read_only_allow_delete,index.blocks.write";

  private final RestClient rest;
  private final Generations generations;

  ProjectionWritesHealthIndicator(RestClient rest, Generations generations) {
    super("Projection write check failed");
    this.rest = rest;
    this.generations = generations;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    String targets =
        generations.current().writeTargets().stream()
            .map(IntelligenceIndex::pattern)
            .collect(Collectors.joining(","));
    Request request = new Request("GET", "/" + targets + "/_settings/" + WRITE_BLOCKS);
    request.addParameter("flat_settings", "true");
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("allow_no_indices", "true");
    JsonNode indices = JSON.readTree(rest.performRequest(request).getEntity().getContent());
    Map<String, Integer> blocked = new TreeMap<>();
    for (JsonNode index : indices) {
      for (var setting : index.path("settings").properties()) {
        if (setting.getValue().asString().equals("true")) {
          blocked.merge(setting.getKey(), 1, Integer::sum);
        }
      }
    }
    if (blocked.isEmpty()) {
      builder.up();
    } else {
      // Details are shown to operators only, and name no document.
      builder.down().withDetail("blockedIndices", blocked);
    }
  }
}
