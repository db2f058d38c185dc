package uk.crossline.kit.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the Kafka cluster answers, and with how many brokers: a service that publishes or
 * consumes is not healthy without it.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final KafkaAdmin admin;
  private volatile Admin client;

  KafkaHealthIndicator(KafkaAdmin admin) {
    super("Kafka health check failed");
    this.admin = admin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var cluster =
        client().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
    int brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
    builder
        .up()
        .withDetail("brokers", brokers)
        .withDetail(
            "clusterId", cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
  }

  private Admin client() {
    if (client == null) {
      synchronized (this) {
        if (client == null) {
          client = Admin.create(admin.getConfigurationProperties());
        }
      }
    }
    return client;
  }

  @Override
  public void destroy() {
    if (client != null) {
      client.close(Duration.ofSeconds(2));
    }
  }
}
