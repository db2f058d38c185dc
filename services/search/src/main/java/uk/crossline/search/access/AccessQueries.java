package uk.crossline.search.access;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.crossline.model.access.AccessFilter;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.model.projection.DocumentStatus;

/**
 * Translates the policy's filter, term by term, into an Elasticsearch query. Nothing else decides
 * who sees what: the policy is written once, in shared-model, and tested against its in-memory twin
 * there. Each filter takes its reach form while every live document bears the policy's stamps
 * ({@link ProjectionStamps}), its form on the fields otherwise.
 */
@Component
public final class AccessQueries {

  /**
   * Internal to the hub: an agency's reference hash, who was granted access and whom the event
   * reaches are never shown.
   */
  private static final List<String> ALWAYS_HIDDEN =
      List.of("originRefHash", "grants", "reach", "reachPolicy");

  private final ProjectionStamps stamps;

  AccessQueries(ProjectionStamps stamps) {
    this.stamps = stamps;
  }

  /**
   * What every read of the projection filters on: the caller's access filter, and live events only
   * (tombstones of retracted reports stay for the audit, never for search).
   */
  public Query visible(AccessFilter filter) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(filter(filter))
                        .filter(
                            f ->
                                f.term(
                                    t ->
                                        t.field("status")
                                            .value(FieldValue.of(DocumentStatus.ACTIVE.name()))))));
  }

  /** The filter alone, in the form the projection allows now. */
  public Query filter(AccessFilter filter) {
    return of(stamps.stamped() ? filter.byReach() : filter.byFields());
  }

  /** The document fields to leave out of every answer to a caller with these field rights. */
  public static List<String> hiddenFields(FieldAccess fields) {
    List<String> hidden = new ArrayList<>(ALWAYS_HIDDEN);
    hidden.addAll(fields.hiddenDocumentFields());
    return hidden;
  }

  /** The filter as it is, each {@link AccessFilter.Reaches} in its form on the fields. */
  static Query of(AccessFilter filter) {
    return switch (filter) {
      case AccessFilter.Reaches reaches -> of(reaches.byFields());
      case AccessFilter.MatchAll all -> Query.of(q -> q.matchAll(m -> m));
      case AccessFilter.MatchNone none -> Query.of(q -> q.matchNone(m -> m));
      case AccessFilter.Term term ->
          Query.of(q -> q.term(t -> t.field(term.field()).value(FieldValue.of(term.value()))));
      case AccessFilter.Terms terms -> terms(terms.field(), terms.values());
      case AccessFilter.AllOf all -> Query.of(q -> q.bool(b -> b.filter(each(all.filters()))));
      case AccessFilter.AnyOf any ->
          Query.of(q -> q.bool(b -> b.should(each(any.filters())).minimumShouldMatch("1")));
      case AccessFilter.Not not -> Query.of(q -> q.bool(b -> b.mustNot(of(not.filter()))));
    };
  }

  /** Documents holding any of the values in the field, as the policy's terms and features ask. */
  public static Query terms(String field, Collection<String> values) {
    List<FieldValue> any = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(any))));
  }

  private static List<Query> each(List<AccessFilter> filters) {
    return filters.stream().map(AccessQueries::of).toList();
  }
}
