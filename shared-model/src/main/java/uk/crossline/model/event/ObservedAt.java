package uk.crossline.model.event;

import java.time.Instant;
import java.util.Objects;

/**
 * When it happened. Practitioners often know only the day or the week ("last half term"), so the
 * precision travels with the time and nobody reads an approximate time as exact.
 */
public record ObservedAt(Instant at, Precision precision) {

  /** How exact {@link #at()} is. */
  public enum Precision {
    EXACT,
    DAY,
    WEEK,
    MONTH
  }

  public ObservedAt {
    Objects.requireNonNull(at, "observedAt.at");
    Objects.requireNonNull(precision, "observedAt.precision");
  }
}
