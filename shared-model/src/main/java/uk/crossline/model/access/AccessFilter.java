package uk.crossline.model.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A condition on the fields of a projection document, free of any search engine's types: search
 * translates it into an Elasticsearch query (a {@code bool} of {@code term} and {@code terms}
 * clauses), and {@link #matches} evaluates it on a document in memory.
 *
 * <p>Field names are dotted paths into the document as {@code IntelligenceDocuments.source} writes
 * it ({@code marking.tlp}, {@code scope.agencies}). A field holding a list matches when any of its
 * elements does, and a missing field matches no {@link Term} or {@link Terms}, as in Elasticsearch.
 * Build filters with the static factories, which simplify as they go: a translator then never meets
 * an empty {@link AllOf}, {@link AnyOf} or {@link Terms}.
 */
public sealed interface AccessFilter {

  /** Whether a document, as its JSON source, satisfies the condition. */
  boolean matches(Map<String, ?> document);

  /** Every document. */
  record MatchAll() implements AccessFilter {
    @Override
    public boolean matches(Map<String, ?> document) {
      return true;
    }
  }

  /** No document. */
  record MatchNone() implements AccessFilter {
    @Override
    public boolean matches(Map<String, ?> document) {
      return false;
    }
  }

  /** The keyword field holds this value (or, for a list, one of its elements is it). */
  record Term(String field, String value) implements AccessFilter {
    public Term {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean matches(Map<String, ?> document) {
      return DocumentValues.any(document, field, value::equals);
    }
  }

  /** The keyword field holds one of these values; never empty, sorted for stable queries. */
  record Terms(String field, List<String> values) implements AccessFilter {
    public Terms {
      Objects.requireNonNull(field, "field");
      values = List.copyOf(new TreeSet<>(values));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("terms: at least one value; use MatchNone for none");
      }
    }

    @Override
    public boolean matches(Map<String, ?> document) {
      return DocumentValues.any(document, field, values::contains);
    }
  }

  /** Every one of the filters holds; never empty. */
  record AllOf(List<AccessFilter> filters) implements AccessFilter {
    public AllOf {
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("allOf: at least one filter; use MatchAll for none");
      }
    }

    @Override
    public boolean matches(Map<String, ?> document) {
      for (AccessFilter filter : filters) {
        if (!filter.matches(document)) {
          return false;
        }
      }
      return true;
    }
  }

  /** At least one of the filters holds; never empty. */
  record AnyOf(List<AccessFilter> filters) implements AccessFilter {
    public AnyOf {
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("anyOf: at least one filter; use MatchNone for none");
      }
    }

    @Override
    public boolean matches(Map<String, ?> document) {
      for (AccessFilter filter : filters) {
        if (filter.matches(document)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The filter does not hold (a missing field included, as Elasticsearch's {@code must_not}). */
  record Not(AccessFilter filter) implements AccessFilter {
    public Not {
      Objects.requireNonNull(filter, "filter");
    }

    @Override
    public boolean matches(Map<String, ?> document) {
      return !filter.matches(document);
    }
  }

  /**
   * Whether the event reaches an agency, said two ways that agree on every document the indexer
   * stamped under the same policy: as one term on the document's {@code reach} field, which the
   * indexer works out from the policy when it writes the document, and as the policy's conditions
   * on the fields that decide it. The term is far cheaper for Elasticsearch; the fields hold on any
   * document. {@link #matches} reads the fields. Its components are its two forms, so {@link
   * #byReach} and {@link #byFields} give them as they do for any filter.
   */
  record Reaches(Term byReach, AccessFilter byFields) implements AccessFilter {
    public Reaches {
      Objects.requireNonNull(byReach, "byReach");
      Objects.requireNonNull(byFields, "byFields");
    }

    @Override
    public boolean matches(Map<String, ?> document) {
      return byFields.matches(document);
    }
  }

  /**
   * This filter with every {@link Reaches} as its term on {@code reach}: for a projection whose
   * every live document the indexer stamped under the same policy as this filter's.
   */
  default AccessFilter byReach() {
    return choose(this, true);
  }

  /** This filter with every {@link Reaches} as its conditions on the fields: for any projection. */
  default AccessFilter byFields() {
    return choose(this, false);
  }

  private static AccessFilter choose(AccessFilter filter, boolean byReach) {
    return switch (filter) {
      case Reaches reaches -> byReach ? reaches.byReach() : choose(reaches.byFields(), false);
      case AllOf all -> allOf(all.filters().stream().map(f -> choose(f, byReach)).toList());
      case AnyOf any -> anyOf(any.filters().stream().map(f -> choose(f, byReach)).toList());
      case Not not -> not(choose(not.filter(), byReach));
      case MatchAll all -> all;
      case MatchNone none -> none;
      case Term term -> term;
      case Terms terms -> terms;
    };
  }

  static AccessFilter matchAll() {
    return new MatchAll();
  }

  static AccessFilter matchNone() {
    return new MatchNone();
  }

  static AccessFilter term(String field, String value) {
    return new Term(field, value);
  }

  /** One of these values: no value matches nothing, one value is a {@link Term}. */
  static AccessFilter terms(String field, Collection<String> values) {
    TreeSet<String> distinct = new TreeSet<>(values);
    return switch (distinct.size()) {
      case 0 -> matchNone();
      case 1 -> term(field, distinct.first());
      default -> new Terms(field, List.copyOf(distinct));
    };
  }

  static AccessFilter allOf(AccessFilter... filters) {
    return allOf(List.of(filters));
  }

  /** All of them: nested conjunctions are flattened, MatchAll dropped, MatchNone wins. */
  static AccessFilter allOf(List<AccessFilter> filters) {
    List<AccessFilter> kept = new ArrayList<>();
    for (AccessFilter filter : filters) {
      switch (filter) {
        case MatchAll all -> {}
        case MatchNone none -> {
          return none;
        }
        case AllOf nested -> kept.addAll(nested.filters());
        default -> kept.add(filter);
      }
    }
    return switch (kept.size()) {
      case 0 -> matchAll();
      case 1 -> kept.getFirst();
      default -> new AllOf(kept);
    };
  }

  static AccessFilter anyOf(AccessFilter... filters) {
    return anyOf(List.of(filters));
  }

  /** Any of them: nested disjunctions are flattened, MatchNone dropped, MatchAll wins. */
  static AccessFilter anyOf(List<AccessFilter> filters) {
    List<AccessFilter> kept = new ArrayList<>();
    for (AccessFilter filter : filters) {
      switch (filter) {
        case MatchNone none -> {}
        case MatchAll all -> {
          return all;
        }
        case AnyOf nested -> kept.addAll(nested.filters());
        default -> kept.add(filter);
      }
    }
    return switch (kept.size()) {
      case 0 -> matchNone();
      case 1 -> kept.getFirst();
      default -> new AnyOf(kept);
    };
  }

  static AccessFilter not(AccessFilter filter) {
    return switch (filter) {
      case MatchAll all -> matchNone();
      case MatchNone none -> matchAll();
      case Not not -> not.filter();
      default -> new Not(filter);
    };
  }
}
