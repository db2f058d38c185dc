package uk.crossline.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.crossline.model.event.EventId;

/**
 * Submissions of one event exclude each other; bulk batches of different events do not wait for
 * each other; two batches sharing events in opposite row orders never wait for each other for ever.
 */
class EventLocksTest {

  private final EventLocks locks = new EventLocks();

  @Test
  void everyOrderOfABatchIsTakenInTheSameOrder() {
    List<EventId> rows = events(500);
    List<EventId> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);
    List<EventId> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(1));
    shuffled.add(rows.getFirst());

    assertThat(EventLocks.order(reversed)).isEqualTo(EventLocks.order(rows)).hasSize(500);
    assertThat(EventLocks.order(shuffled)).isEqualTo(EventLocks.order(rows));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void twoBatchesSharingEventsInOppositeOrdersBothFinish() {
    // given two batches of the same 50 events, one in reverse row order
    List<EventId> rows = events(50);
    List<EventId> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);

    // when each is locked and released 2,000 times at once, in its own thread
    var first = CompletableFuture.runAsync(() -> repeat(rows));
    var second = CompletableFuture.runAsync(() -> repeat(reversed));

    // then both finish, and nothing is left locked
    CompletableFuture.allOf(first, second).join();
    assertThat(locks.size()).isZero();
  }

  @Test
  void aSecondSubmissionOfAnEventWaitsUntilTheFirstIsDone() {
    EventId event = events(1).getFirst();
    AtomicBoolean second = new AtomicBoolean();
    CompletableFuture<Void> waiting;
    try (EventLocks.Held held = locks.lockAll(List.of(event))) {
      waiting =
          CompletableFuture.runAsync(
              () -> {
                try (EventLocks.Held again = locks.lockAll(List.of(event))) {
                  second.set(true);
                }
              });
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilFalse(second);
    }
    waiting.join();
    assertThat(second).isTrue();
    assertThat(locks.size()).isZero();
  }

  @Test
  void aBatchOfOtherEventsDoesNotWait() {
    List<EventId> events = events(2);
    AtomicBoolean other = new AtomicBoolean();
    try (EventLocks.Held held = locks.lockAll(List.of(events.get(0)))) {
      CompletableFuture.runAsync(
          () -> {
            try (EventLocks.Held mine = locks.lockAll(List.of(events.get(1)))) {
              other.set(true);
            }
          });
      await().atMost(Duration.ofSeconds(10)).untilTrue(other);
    }
  }

  private void repeat(List<EventId> batch) {
    for (int i = 0; i < 2_000; i++) {
      try (EventLocks.Held held = locks.lockAll(batch)) {
        assertThat(held).isNotNull();
      }
    }
  }

  private static List<EventId> events(int count) {
    List<EventId> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(EventId.of(UUID.randomUUID().toString()));
    }
    return events;
  }
}
