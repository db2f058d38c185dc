package uk.crossline.indexer;

import java.util.List;
import uk.crossline.testsupport.ServiceProcess;

/**
 * The indexer as its own operating-system process, from the jar this build packaged: so a test can
 * kill it as a crash would (SIGKILL, nothing closed) and start it again.
 */
final class IndexerProcess implements AutoCloseable {

  private final ServiceProcess service;
  private final String consumerGroup;

  private IndexerProcess(ServiceProcess service, String consumerGroup) {
    this.service = service;
    this.consumerGroup = consumerGroup;
  }

  String consumerGroup() {
    return consumerGroup;
  }

  static IndexerProcess start(String topic, String consumerGroup) {
    return new IndexerProcess(
        ServiceProcess.start(
            "indexer",
            List.of(
                "--crossline.indexer.topic=" + topic,
                "--crossline.indexer.consumer-group=" + consumerGroup,
                "--crossline.indexer.retry-max-interval=2s")),
        consumerGroup);
  }

  /** The status code of an actuator endpoint, or 0 when it does not answer. */
  int health(String path) {
    return service.status(path);
  }

  /** SIGKILL: no shutdown hook, no close, no commit. */
  void kill() throws InterruptedException {
    service.kill();
  }

  @Override
  public void close() {
    service.close();
  }
}
