package uk.crossline.intake.submission;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import uk.crossline.model.event.EventId;

/**
 * One lock per event id being submitted, held from the receipt check to the publication, so two
 * submissions of one event cannot both publish. Exact, not striped: two bulk batches wait for each
 * other only when they share an event, so uploads of different reports publish side by side. A
 * batch takes its events' locks in id order, so two batches never each hold one the other wants.
 */
final class EventLocks {

  /** A lock and how many hold or wait for it; it leaves the map when nobody does. */
  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users;
  }

  private final Map<EventId, Entry> locks = new ConcurrentHashMap<>();

  /** The events' locks, taken in id order; close to release them. */
  Held lockAll(Collection<EventId> eventIds) {
    List<EventId> ordered = order(eventIds);
    int taken = 0;
    try {
      for (EventId eventId : ordered) {
        lock(eventId);
        taken++;
      }
    } catch (RuntimeException | Error e) {
      unlock(ordered.subList(0, taken));
      throw e;
    }
    return () -> unlock(ordered);
  }

  /** What a caller holds until it closes it. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Each event once, in the one order every batch takes them in. */
  static List<EventId> order(Collection<EventId> eventIds) {
    return eventIds.stream().distinct().sorted((a, b) -> a.value().compareTo(b.value())).toList();
  }

  /** How many events are locked or waited for now. */
  int size() {
    return locks.size();
  }

  private void lock(EventId eventId) {
    Entry entry =
        locks.compute(
            eventId,
            (id, existing) -> {
              Entry e = existing == null ? new Entry() : existing;
              e.users++;
              return e;
            });
    entry.lock.lock();
  }

  private void unlock(List<EventId> eventIds) {
    for (int i = eventIds.size() - 1; i >= 0; i--) {
      EventId eventId = eventIds.get(i);
      locks.get(eventId).lock.unlock();
      locks.computeIfPresent(eventId, (id, entry) -> --entry.users == 0 ? null : entry);
    }
  }
}
