package uk.crossline.intake.submission;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.intake.agency.ServedAgencies;
import uk.crossline.kit.table.TopicTable;
import uk.crossline.model.Topics;
import uk.crossline.model.event.EventId;

/**
 * The receipts of the agencies this instance serves, read from the compacted receipts topic at
 * start-up and kept current. Until it has caught up the instance reports itself not ready, so that
 * no retry is taken for a new report.
 */
@Component
class Receipts implements SmartLifecycle, HealthIndicator {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The table only reads: receipts are published with their events, in the submission's own
   * transaction ({@link EventPublisher}), so no write through it waits for anything.
   */
  private static final Duration NO_WRITES = Duration.ofSeconds(10);

  private final ReceiptBook book = new ReceiptBook();
  private final ServedAgencies agencies;
  private final TopicTable table;

  Receipts(KafkaProperties kafka, ServedAgencies agencies) {
    this.agencies = agencies;
    this.table =
        new TopicTable(
            kafka,
            Topics.INTAKE_RECEIPTS,
            "intake-receipts",
            NO_WRITES,
            (key, value) -> apply(value),
            key -> book.forget(EventId.of(key)));
  }

  Optional<Receipt> of(EventId eventId) {
    return book.of(eventId);
  }

  /** Records what this instance has just published (the topic will say the same shortly). */
  void record(Receipt receipt) {
    book.keep(receipt);
  }

  static byte[] serialise(Receipt receipt) {
    return JSON.writeValueAsBytes(receipt);
  }

  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return table.awaitCaughtUp(timeout);
  }

  @Override
  public Health health() {
    return table.caughtUp()
        ? Health.up().withDetail("receipts", book.size()).build()
        : Health.outOfService().withDetail("receipts", "catching up").build();
  }

  @Override
  public void start() {
    table.start();
  }

  private void apply(byte[] value) {
    Receipt receipt = JSON.readValue(value, Receipt.class);
    if (agencies.serves(receipt.agency())) {
      book.keep(receipt);
    }
  }

  @Override
  public void stop() {
    table.stop();
  }

  @Override
  public boolean isRunning() {
    return table.isRunning();
  }
}
