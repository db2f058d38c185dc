package uk.crossline.demo.report;

import static uk.crossline.demo.world.Weighted.option;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import uk.crossline.demo.world.Weighted;

/** 3x5x2 gradings in the proportions an intelligence unit gives them. */
final class Gradings {

  private static final Weighted<String> SOURCE =
      Weighted.of(option("1", 30), option("2", 55), option("3", 15));
  private static final Weighted<String> INTELLIGENCE =
      Weighted.of(
          option("A", 15), option("B", 35), option("C", 35), option("D", 12), option("E", 3));

  private static final List<String> CONDITIONS =
      List.of(
          "Not to be disclosed outside the receiving agency without the originator's consent.",
          "For intelligence purposes only; not to be used as evidence or put to any person.",
          "Do not act on this without first contacting the West Mercia FIB.",
          "Sensitive source: share only with staff who need it for safeguarding the child.",
          "No onward sharing with housing providers until the operation has concluded.");

  private Gradings() {}

  /** Police grade everything they record; about one in seven goes out with conditions. */
  static Form.Grading police(RandomGenerator random) {
    if (Weighted.chance(0.15, random)) {
      return new Form.Grading(
          SOURCE.draw(random),
          INTELLIGENCE.draw(random),
          "C",
          Optional.of(Weighted.any(CONDITIONS, random)));
    }
    return new Form.Grading(SOURCE.draw(random), INTELLIGENCE.draw(random), "P", Optional.empty());
  }

  /** Trading standards grade now and then, from what officers saw themselves. */
  static Optional<Form.Grading> tradingStandards(RandomGenerator random) {
    if (!Weighted.chance(0.15, random)) {
      return Optional.empty();
    }
    return Optional.of(
        new Form.Grading(
            Weighted.chance(0.6, random) ? "1" : "2",
            Weighted.chance(0.7, random) ? "A" : "B",
            "P",
            Optional.empty()));
  }
}
