package uk.crossline.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.model.event.EventId;

/**
 * Two bulk uploads at once must not wait on each other for ever: every batch takes its lock stripes
 * in the same order, whatever the order of its rows.
 */
class LockOrderTest {

  @Test
  void twoBatchesOfTheSameEventsInOppositeOrdersTakeTheSameStripesInTheSameOrder() {
    // given 500 events, as one batch of an upload holds, and the same events in reverse
    List<EventId> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(EventId.of(UUID.randomUUID().toString()));
    }
    List<EventId> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);
    List<EventId> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(1));

    // when their stripes are worked out
    int[] stripes = Submissions.stripes(rows);

    // then each stripe comes once, in ascending order, the same for every order of the rows
    for (int i = 1; i < stripes.length; i++) {
      assertThat(stripes[i]).isGreaterThan(stripes[i - 1]);
    }
    assertThat(Submissions.stripes(reversed)).isEqualTo(stripes);
    assertThat(Submissions.stripes(shuffled)).isEqualTo(stripes);
  }

  @Test
  void eventsOfOneStripeTakeItOnce() {
    EventId one = EventId.of(UUID.randomUUID().toString());
    assertThat(Submissions.stripes(List.of(one, one, one))).hasSize(1);
  }
}
