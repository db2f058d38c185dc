package uk.crossline.intake.anonymise;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.crossline.model.event.Grading;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.SubjectRole;

/**
 * What an agency saw, as its form said it, personal data included. It lives for one request inside
 * the intake; its {@code toString} names no value, so it cannot leak into a log.
 *
 * @param reference the agency's own reference for the report
 */
public record Observation(
    String reference,
    ObservedAt observedAt,
    Category category,
    Set<Indicator> indicators,
    String summary,
    Place place,
    Optional<PremisesDetails> premises,
    List<Person> subjects,
    List<Identifier> identifiers,
    Optional<Grading> grading,
    Marking marking,
    SharingScope scope) {

  public Observation {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(category, "category");
    indicators = Set.copyOf(indicators);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(place, "place");
    subjects = List.copyOf(subjects);
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(marking, "marking");
    Objects.requireNonNull(scope, "scope");
  }

  @Override
  public String toString() {
    return "Observation["
        + category
        + ", "
        + subjects.size()
        + " subjects, personal data withheld]";
  }

  /**
   * Where it happened, as given: a full postcode is personal data when it is someone's home.
   *
   * @param district a district id of the gazetteer
   */
  public record Place(
      Optional<String> postcode,
      Optional<String> district,
      Optional<String> ward,
      Optional<GeoPoint> point) {

    @Override
    public String toString() {
      return "Place[withheld]";
    }
  }

  /** A business premises: not personal data, kept as given. */
  public record PremisesDetails(
      String name,
      String address,
      String postcode,
      Optional<String> uprn,
      Optional<GeoPoint> point) {}

  /** A person in the report, perhaps named. */
  public record Person(
      SubjectRole role,
      Optional<String> name,
      Optional<LocalDate> dateOfBirth,
      Optional<AgeBand> ageBand) {

    @Override
    public String toString() {
      return "Person[" + role + ", withheld]";
    }
  }

  /** An identifier as written: the raw value never leaves the intake. */
  public record Identifier(IdentifierType type, String value, boolean dealLine) {

    @Override
    public String toString() {
      return "Identifier[" + type + ", withheld]";
    }
  }
}
