package uk.crossline.model.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.event.IntelligenceAmended;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

/**
 * What the access policy needs to know of one event: who it came from, how it is marked and scoped,
 * what it is about, whether it is live, and which agencies its originator granted access to on
 * request. The tombstone of a retracted report keeps no marking or category, so those are empty
 * there; a live event always has both.
 *
 * @param grants the agencies the originator let see this event by approving their access requests
 */
public record EventAccess(
    AgencyId originator,
    DocumentStatus status,
    Optional<Tlp> tlp,
    Set<AgencyId> scopeAgencies,
    Set<AgencyType> scopeAgencyTypes,
    Optional<Category> category,
    Set<AgencyId> grants) {

  /**
   * The document field holding {@link #grants()}: a keyword list of agency ids, written by whoever
   * records an approved access request, absent while there is none.
   */
  public static final String GRANTS_FIELD = Fields.GRANTS;

  public EventAccess {
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tlp, "tlp");
    scopeAgencies = Set.copyOf(scopeAgencies);
    scopeAgencyTypes = Set.copyOf(scopeAgencyTypes);
    Objects.requireNonNull(category, "category");
    grants = Set.copyOf(grants);
    if (status == DocumentStatus.ACTIVE && (tlp.isEmpty() || category.isEmpty())) {
      throw new IllegalArgumentException("a live event has a marking and a category");
    }
  }

  /** A live report (or amended report) of this agency, with no grants yet. */
  public static EventAccess of(AgencyId originator, IntelligenceReport report) {
    return new EventAccess(
        originator,
        DocumentStatus.ACTIVE,
        Optional.of(report.marking().tlp()),
        report.scope().agencies(),
        report.scope().agencyTypes(),
        Optional.of(report.category()),
        Set.of());
  }

  /**
   * The event as the projection keeps it after this event: a report, or a retraction's tombstone.
   */
  public static EventAccess of(IntelligenceEvent event) {
    return switch (event) {
      case IntelligenceReported reported -> of(reported.agency().id(), reported.report());
      case IntelligenceAmended amended -> of(amended.agency().id(), amended.report());
      case IntelligenceRetracted retracted -> tombstone(retracted.agency().id());
    };
  }

  /** A retracted report: nothing of its content is kept, and nobody sees it through the hub. */
  public static EventAccess tombstone(AgencyId originator) {
    return new EventAccess(
        originator,
        DocumentStatus.RETRACTED,
        Optional.empty(),
        Set.of(),
        Set.of(),
        Optional.empty(),
        Set.of());
  }

  /** The same event with these agencies granted access (replacing any before). */
  public EventAccess withGrants(Set<AgencyId> grants) {
    return new EventAccess(
        originator, status, tlp, scopeAgencies, scopeAgencyTypes, category, grants);
  }

  /**
   * Reads a projection document, as {@code IntelligenceDocuments.source} writes it (plus {@link
   * #GRANTS_FIELD}).
   *
   * @throws IllegalArgumentException naming the field, when one the policy needs is missing or
   *     holds a value the hub does not know; the caller should then treat the event as unseen
   */
  public static EventAccess fromDocument(Map<String, ?> document) {
    return new EventAccess(
        one(document, Fields.AGENCY_ID)
            .map(value -> parse(Fields.AGENCY_ID, value, AgencyId::of))
            .orElseThrow(() -> missing(Fields.AGENCY_ID)),
        one(document, Fields.STATUS)
            .map(value -> parse(Fields.STATUS, value, DocumentStatus::valueOf))
            .orElseThrow(() -> missing(Fields.STATUS)),
        one(document, Fields.TLP).map(value -> parse(Fields.TLP, value, Tlp::valueOf)),
        all(document, Fields.SCOPE_AGENCIES, AgencyId::of),
        all(document, Fields.SCOPE_AGENCY_TYPES, AgencyType::valueOf),
        one(document, Fields.CATEGORY)
            .map(value -> parse(Fields.CATEGORY, value, Category::valueOf)),
        all(document, Fields.GRANTS, AgencyId::of));
  }

  private static Optional<String> one(Map<String, ?> document, String field) {
    List<String> values = DocumentValues.of(document, field);
    if (values.size() > 1) {
      throw new IllegalArgumentException(field + ": one value expected");
    }
    return values.stream().findFirst();
  }

  private static <T> Set<T> all(Map<String, ?> document, String field, Function<String, T> parser) {
    List<T> values = new ArrayList<>();
    for (String value : DocumentValues.of(document, field)) {
      values.add(parse(field, value, parser));
    }
    return Set.copyOf(values);
  }

  private static <T> T parse(String field, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      // Marking, scope, category and status hold no personal data, so the value may be named.
      throw new IllegalArgumentException(field + ": not a value the hub knows: " + value, e);
    }
  }

  private static IllegalArgumentException missing(String field) {
    return new IllegalArgumentException(field + ": required");
  }
}
