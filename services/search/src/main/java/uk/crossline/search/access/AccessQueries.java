package uk.crossline.search.access;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import uk.crossline.model.access.AccessFilter;

/**
 * Translates the policy's filter, term by term, into an Elasticsearch query. Nothing else decides
 * who sees what: the policy is written once, in shared-model, and tested against its in-memory twin
 * there.
 */
public final class AccessQueries {

  private AccessQueries() {}

  public static Query of(AccessFilter filter) {
    return switch (filter) {
      case AccessFilter.MatchAll all -> Query.of(q -> q.matchAll(m -> m));
      case AccessFilter.MatchNone none -> Query.of(q -> q.matchNone(m -> m));
      case AccessFilter.Term term ->
          Query.of(q -> q.term(t -> t.field(term.field()).value(FieldValue.of(term.value()))));
      case AccessFilter.Terms terms ->
          Query.of(
              q ->
                  q.terms(
                      t ->
                          t.field(terms.field())
                              .terms(
                                  v ->
                                      v.value(
                                          terms.values().stream().map(FieldValue::of).toList()))));
      case AccessFilter.AllOf all -> Query.of(q -> q.bool(b -> b.filter(each(all.filters()))));
      case AccessFilter.AnyOf any ->
          Query.of(q -> q.bool(b -> b.should(each(any.filters())).minimumShouldMatch("1")));
      case AccessFilter.Not not -> Query.of(q -> q.bool(b -> b.mustNot(of(not.filter()))));
    };
  }

  private static List<Query> each(List<AccessFilter> filters) {
    return filters.stream().map(AccessQueries::of).toList();
  }
}
