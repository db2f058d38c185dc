package uk.crossline.kit.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * Appends entries to the access log ({@link Topics#AUDIT_LOG}), each chained to the previous entry
 * of its chain and keyed by the chain, so a chain stays in order on one partition.
 *
 * <p>{@link #record} returns only once the broker holds the entry (acks=all, idempotent producer)
 * and throws {@link AuditLogUnavailableException} otherwise: callers answer only after it returns.
 * Within a chain, entries are sealed and sent one at a time, because each needs the hash of the one
 * before; that bounds a chain to one broker round trip per entry. An instance therefore writes a
 * small pool of chains ({@code crossline.audit.chains}), each taken by one caller at a time, the
 * most recently used first: one person's look-ups stay in one chain, and concurrent searches wait
 * for the broker side by side instead of in one queue.
 *
 * <p>When a write fails the broker may or may not hold the entry, so its chain cannot safely go on
 * from either guess: that chain ends there, whole either way, and a new one (a new UUID) takes its
 * place. A chain is {@code <spring.application.name>-<UUID>}, new at every start.
 */
public class AuditLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final Producer<String, byte[]> producer;
  private final String component;
  private final Clock clock;
  private final Duration timeout;
  private final Counter written;
  private final Counter failed;
  private final List<Chain> chains;
  private final BlockingDeque<Chain> free;

  AuditLog(
      Producer<String, byte[]> producer,
      String applicationName,
      Clock clock,
      Duration timeout,
      int chains,
      MeterRegistry meters) {
    if (chains < 1) {
      throw new IllegalArgumentException("chains: at least 1, was " + chains);
    }
    this.producer = producer;
    this.component = componentName(applicationName);
    this.clock = clock;
    this.timeout = timeout;
    this.written = meters.counter("crossline.audit.entries", "outcome", "written");
    this.failed = meters.counter("crossline.audit.entries", "outcome", "failed");
    this.chains = IntStream.range(0, chains).mapToObj(n -> new Chain()).toList();
    this.free = new LinkedBlockingDeque<>(this.chains);
  }

  /**
   * Writes one entry and returns it as written.
   *
   * @throws AuditLogUnavailableException when the broker did not take it in time
   * @throws IllegalArgumentException when the draft names more events than one entry holds (use
   *     {@link #recordInParts})
   */
  public AuditEntry record(AuditEntryDraft draft) {
    Chain chain = take();
    try {
      AuditEntry entry = chain.append(draft);
      written.increment();
      return entry;
    } finally {
      free.offerFirst(chain);
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

  /** The chains this instance writes now, one per place in its pool. */
  public Set<String> chains() {
    return chains.stream().map(Chain::id).collect(Collectors.toUnmodifiableSet());
  }

  /** A chain no other caller is writing, waiting at most the timeout for one. */
  private Chain take() {
    try {
      Chain chain = free.pollFirst(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (chain == null) {
        failed.increment();
        throw new AuditLogUnavailableException(
            "every access-log chain was busy for " + timeout.toMillis() + " ms", null);
      }
      return chain;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed.increment();
      throw new AuditLogUnavailableException("interrupted waiting for an access-log chain", e);
    }
  }

  /** One chain: only the caller that took it from the pool touches its last entry. */
  private final class Chain {

    private volatile String id = newChain();
    private AuditEntry last;

    String id() {
      return id;
    }

    AuditEntry append(AuditEntryDraft draft) {
      AuditEntry entry =
          last == null
              ? AuditEntry.first(id, clock.instant(), draft)
              : last.next(clock.instant(), draft);
      send(entry);
      last = entry;
      return entry;
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
      String ended = id;
      id = newChain();
      last = null;
      // Sequence and chain only: the entry's criteria and purpose stay out of the logs.
      log.warn(
          "Access-log entry {} of chain {} not written ({}); continuing in chain {}",
          entry.sequence(),
          ended,
          reason,
          id);
      return new AuditLogUnavailableException("the access log did not take the entry", e);
    }
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
