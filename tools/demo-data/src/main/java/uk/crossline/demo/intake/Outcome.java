package uk.crossline.demo.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * What the intake made of some reports: how many it published now, how many it already had, and
 * each problem of the ones it refused.
 */
public record Outcome(
    int accepted, int duplicates, int rejected, List<RowError> errors, boolean errorsTruncated) {

  /** One problem of a refused report, named by the report's reference. */
  public record RowError(String reference, String field, String reason) {}

  public Outcome {
    errors = List.copyOf(errors);
  }

  public static Outcome none() {
    return new Outcome(0, 0, 0, List.of(), false);
  }

  public Outcome plus(Outcome other) {
    List<RowError> all = new ArrayList<>(errors);
    all.addAll(other.errors);
    return new Outcome(
        accepted + other.accepted,
        duplicates + other.duplicates,
        rejected + other.rejected,
        all,
        errorsTruncated || other.errorsTruncated);
  }

  public int total() {
    return accepted + duplicates + rejected;
  }
}
