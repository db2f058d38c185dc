package uk.crossline.kit.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the cluster's health (the local distribution has no {@code GET /}): red is down, yellow
 * is up, since a one-node cluster keeps replicas unassigned.
 */
final class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

  private final ElasticsearchClient client;

  ElasticsearchHealthIndicator(ElasticsearchClient client) {
    super("Elasticsearch health check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var health = client.cluster().health();
    builder
        .status(health.status() == HealthStatus.Red ? "DOWN" : "UP")
        .withDetail("cluster", health.clusterName())
        .withDetail("status", health.status().jsonValue())
        .withDetail("nodes", health.numberOfNodes());
  }
}
