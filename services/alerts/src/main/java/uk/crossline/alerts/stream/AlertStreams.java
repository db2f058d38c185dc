package uk.crossline.alerts.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import uk.crossline.alerts.inbox.Inbox;
import uk.crossline.alerts.inbox.InboxEntry;
import uk.crossline.alerts.metrics.AlertMetrics;
import uk.crossline.model.Caller;

/**
 * Every alert as it first landed on the inbox topic, by recipient, with the position of the topic
 * this instance had read up to then; and the open streams, each told of its recipient's alerts as
 * they land. Opening a stream takes the alerts to replay and registers it for the live ones under
 * one lock with the landing of alerts, so no alert falls between replay and live, and none is in
 * both.
 */
@Component
class AlertStreams implements Inbox.Listener {

  /**
   * An alert or digest where it first landed, and the cut of the topic this instance had read with
   * it.
   */
  record Landed(InboxEntry alert, int partition, long offset, StreamPosition cut) {}

  /** One open stream: what it replays first, then what lands while it is open. */
  static final class Client {
    private final Caller caller;
    private final BlockingQueue<Landed> live;
    private final List<Landed> replay;
    private final StreamPosition from;
    private volatile boolean overflowed;

    private Client(Caller caller, int backlog, List<Landed> replay, StreamPosition from) {
      this.caller = caller;
      this.live = new ArrayBlockingQueue<>(backlog);
      this.replay = replay;
      this.from = from;
    }

    List<Landed> replay() {
      return replay;
    }

    /** Where the stream starts: what the client said it had, or where the topic stood. */
    StreamPosition from() {
      return from;
    }

    BlockingQueue<Landed> live() {
      return live;
    }

    /** Whether more alerts landed than the client took: it must reconnect and replay. */
    boolean overflowed() {
      return overflowed;
    }
  }

  private final Map<String, List<Landed>> byRecipient = new HashMap<>();
  private final Map<String, Set<Client>> open = new ConcurrentHashMap<>();
  private final int backlog;
  private StreamPosition read = StreamPosition.START;

  @org.springframework.beans.factory.annotation.Autowired
  AlertStreams(Inbox inbox, StreamSettings settings, MeterRegistry registry) {
    this(settings.backlog());
    // Registered while beans are made, before the inbox starts reading: every alert is seen.
    inbox.listen(this);
    Gauge.builder(AlertMetrics.STREAMS, open, o -> o.values().stream().mapToInt(Set::size).sum())
        .description("Live alert streams open on this instance")
        .register(registry);
  }

  /** Not yet told of any alert: the inbox (or a test) calls {@link #landed}. */
  AlertStreams(int backlog) {
    this.backlog = backlog;
  }

  @Override
  public synchronized void landed(InboxEntry alert, int partition, long offset, boolean first) {
    read = read.passing(partition, offset);
    if (!first || !Inbox.isToldOfAlone(alert)) {
      // A read mark, or the same alert delivered again: streamed once, where it first was. An
      // alert held for a digest is streamed with the digest.
      return;
    }
    Landed landed = new Landed(alert, partition, offset, read);
    byRecipient.computeIfAbsent(alert.recipientUserId(), id -> new ArrayList<>()).add(landed);
    for (Client client : open.getOrDefault(alert.recipientUserId(), Set.of())) {
      // Past an overflow nothing more is queued: the client resumes from what it was sent.
      if (Inbox.isFor(alert, client.caller) && !client.overflowed && !client.live.offer(landed)) {
        client.overflowed = true;
      }
    }
  }

  /** Where this instance has read the inbox topic to: every alert up to here has landed. */
  synchronized StreamPosition position() {
    return read;
  }

  /** An alert whose event's retention ended is not replayed any more. */
  @Override
  public synchronized void forgotten(java.util.UUID alertId) {
    byRecipient
        .values()
        .forEach(landed -> landed.removeIf(l -> l.alert().alertId().equals(alertId)));
  }

  /**
   * Opens a stream for the caller: their alerts after {@code after} to replay, in the order this
   * instance read them, and from now on the ones that land. Without a position, nothing is replayed
   * and the stream starts where the topic stands now.
   */
  synchronized Client open(Caller caller, java.util.Optional<StreamPosition> after) {
    List<Landed> replay =
        after
            .map(
                position ->
                    byRecipient.getOrDefault(caller.userId(), List.of()).stream()
                        .filter(l -> Inbox.isFor(l.alert(), caller))
                        .filter(l -> position.before(l.partition(), l.offset()))
                        .toList())
            .orElse(List.of());
    Client client = new Client(caller, backlog, replay, after.orElse(read));
    open.computeIfAbsent(caller.userId(), id -> ConcurrentHashMap.newKeySet()).add(client);
    return client;
  }

  synchronized void close(Client client) {
    open.computeIfPresent(
        client.caller.userId(),
        (id, clients) -> {
          clients.remove(client);
          return clients.isEmpty() ? null : clients;
        });
  }
}
