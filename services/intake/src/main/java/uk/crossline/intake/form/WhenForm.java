package uk.crossline.intake.form;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import uk.crossline.model.event.ObservedAt;

/**
 * When it happened.
 *
 * @param precision how exact {@code at} is: EXACT, DAY, WEEK or MONTH (practitioners often know
 *     only the day or the week)
 */
public record WhenForm(@NotNull Instant at, @NotNull ObservedAt.Precision precision) {

  ObservedAt toObservedAt() {
    return new ObservedAt(at, precision);
  }
}
