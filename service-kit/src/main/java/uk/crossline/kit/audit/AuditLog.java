package uk.crossline.kit.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditActor;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.audit.AuditJson;

/**
 * Appends entries to the access log ({@link Topics#AUDIT_LOG}), each chained to this instance's
 * previous one and keyed by the chain, so a chain stays in order on one partition.
 *
 * <p>{@link #record} returns only once the broker holds the entry (acks=all, idempotent producer)
 * and throws {@link AuditLogUnavailableException} otherwise: callers answer only after it returns.
 * Entries are sealed and sent one at a time under a lock, because each needs the hash of the one
 * before; that bounds an instance to one broker round trip per entry, ample for people's look-ups.
 *
 * <p>When a write fails the broker may or may not hold the entry, so the chain cannot safely go on
 * from either guess: the writer starts a new chain (a new UUID) and the old one ends there, whole
 * either way. A chain is {@code <spring.application.name>-<UUID>}, new at every start.
 */
public class AuditLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final Producer<String, byte[]> producer;
  private final String component;
  private final Clock clock;
  private final Duration timeout;
  private final Counter written;
  private final Counter failed;
  private final ReentrantLock lock = new ReentrantLock();

  private String chain;
  private AuditEntry last;

  AuditLog(
      Producer<String, byte[]> producer,
      String applicationName,
      Clock clock,
      Duration timeout,
      MeterRegistry meters) {
    this.producer = producer;
    this.component = componentName(applicationName);
    this.clock = clock;
    this.timeout = timeout;
    this.written = meters.counter("crossline.audit.entries", "outcome", "written");
    this.failed = meters.counter("crossline.audit.entries", "outcome", "failed");
    this.chain = newChain();
  }

  /**
   * Writes one entry and returns it as written.
   *
   * @throws AuditLogUnavailableException when the broker did not take it in time
   * @throws IllegalArgumentException when the draft names more events than one entry holds (use
   *     {@link #recordInParts})
   */
  public AuditEntry record(AuditEntryDraft draft) {
    lock.lock();
    try {
      AuditEntry entry =
          last == null
              ? AuditEntry.first(chain, clock.instant(), draft)
              : last.next(clock.instant(), draft);
      send(entry);
      last = entry;
      written.increment();
      return entry;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes a draft naming many events as entries of at most {@code partSize} events each.
   *
   * @throws AuditLogUnavailableException as soon as one part cannot be written; earlier parts stay
   */
  public List<AuditEntry> recordInParts(AuditEntryDraft draft, int partSize) {
    List<AuditEntry> entries = new ArrayList<>();
    for (AuditEntryDraft part : draft.inChunksOf(partSize)) {
      entries.add(record(part));
    }
    return List.copyOf(entries);
  }

  /** This service as the actor of what it does on its own (deletions, deliveries, rebuilds). */
  public AuditActor.SystemComponent component() {
    return AuditActor.system(component);
  }

  /** The chain this instance writes now. */
  public String chain() {
    lock.lock();
    try {
      return chain;
    } finally {
      lock.unlock();
    }
  }

  private void send(AuditEntry entry) {
    try {
      producer
          .send(new ProducerRecord<>(Topics.AUDIT_LOG, entry.chain(), AuditJson.write(entry)))
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(entry, e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw failed(entry, e);
    }
  }

  private AuditLogUnavailableException failed(AuditEntry entry, Exception e) {
    failed.increment();
    String reason =
        e instanceof ExecutionException && e.getCause() != null
            ? e.getCause().toString()
            : e.toString();
    String ended = chain;
    chain = newChain();
    last = null;
    // Sequence and chain only: the entry's criteria and purpose stay out of the logs.
    log.warn(
        "Access-log entry {} of chain {} not written ({}); continuing in chain {}",
        entry.sequence(),
        ended,
        reason,
        chain);
    return new AuditLogUnavailableException("the access log did not take the entry", e);
  }

  private String newChain() {
    return component + "-" + UUID.randomUUID();
  }

  /** The application's name as an actor name: lower-case words joined by hyphens. */
  static String componentName(String applicationName) {
    String name =
        applicationName
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.]+", "-")
            .replaceAll("([.-])[.-]+", "$1")
            .replaceAll("^[.-]+|[.-]+$", "");
    if (name.isEmpty()) {
      name = "application";
    }
    return name.length() > 64 ? name.substring(0, 64).replaceAll("[.-]+$", "") : name;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
