package uk.crossline.alerts.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.event.Premises;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.Priority;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;

/**
 * What an alert tells of its event: always the category, priority, marking, district and day
 * ({@link AlertDetail#DISTRICT}); with {@link AlertDetail#FULL} also what search would show the
 * subscriber, restricted field groups left out as {@code AccessPolicy.fieldsFor} says.
 *
 * @param day the day it was observed, in the UK
 */
public record AlertContent(
    AlertDetail detail,
    Category category,
    Priority priority,
    Tlp tlp,
    String classification,
    String district,
    LocalDate day,
    Optional<Full> full) {

  public AlertContent {
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(tlp, "tlp");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(district, "district");
    Objects.requireNonNull(day, "day");
    full = Objects.requireNonNullElse(full, Optional.empty());
    if (detail != AlertDetail.FULL && full.isPresent()) {
      throw new IllegalArgumentException("full: only in a full-detail alert");
    }
  }

  /** The event as search shows it to the subscriber. */
  public record Full(
      AgencyId originator,
      Set<Indicator> indicators,
      String summary,
      Optional<String> ward,
      Optional<String> outwardPostcode,
      Optional<String> postcodeSector,
      Optional<GeoPoint> point,
      Optional<Premises> premises,
      List<Subject> subjects,
      List<Identifier> identifiers,
      Optional<Grading> grading,
      Instant observedAt,
      Instant submittedAt) {

    public Full {
      Objects.requireNonNull(originator, "full.originator");
      indicators = Set.copyOf(Objects.requireNonNullElse(indicators, Set.of()));
      Objects.requireNonNull(summary, "full.summary");
      ward = Objects.requireNonNullElse(ward, Optional.empty());
      outwardPostcode = Objects.requireNonNullElse(outwardPostcode, Optional.empty());
      postcodeSector = Objects.requireNonNullElse(postcodeSector, Optional.empty());
      point = Objects.requireNonNullElse(point, Optional.empty());
      premises = Objects.requireNonNullElse(premises, Optional.empty());
      subjects = List.copyOf(Objects.requireNonNullElse(subjects, List.of()));
      identifiers = List.copyOf(Objects.requireNonNullElse(identifiers, List.of()));
      grading = Objects.requireNonNullElse(grading, Optional.empty());
      Objects.requireNonNull(observedAt, "full.observedAt");
      Objects.requireNonNull(submittedAt, "full.submittedAt");
    }
  }

  /**
   * @param token the pseudonym, for subscribers who see subject tokens
   */
  public record Subject(SubjectRole role, AgeBand ageBand, Optional<String> token) {
    public Subject {
      token = Objects.requireNonNullElse(token, Optional.empty());
    }
  }

  /**
   * @param token the pseudonym, for subscribers who see identifier tokens
   */
  public record Identifier(IdentifierType type, Optional<String> token, boolean dealLine) {
    public Identifier {
      token = Objects.requireNonNullElse(token, Optional.empty());
    }
  }

  /**
   * @param code the 3x5x2 code, for subscribers who see grading detail
   * @param conditions the conditions of sharing (handling code C), for everyone who gets the event
   */
  public record Grading(Optional<String> code, Optional<String> conditions) {
    public Grading {
      code = Objects.requireNonNullElse(code, Optional.empty());
      conditions = Objects.requireNonNullElse(conditions, Optional.empty());
    }
  }
}
