package uk.crossline.search.requests;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.crossline.model.AgencyId;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.event.EventId;
import uk.crossline.model.projection.IntelligenceIndex;
import uk.crossline.search.access.AccessQueries;
import uk.crossline.search.query.IntelligenceSearch;

/**
 * Hit / no-hit, for any look-up: whether events the caller may not see, but may learn of, match
 * what it looked up. The answer is yes or no and, for yes, a match reference with which to ask the
 * originators for access: never how many, which, whose or what. Every query carries the policy's
 * match-disclosure filter, so RED and AMBER+STRICT events, and events the caller already sees,
 * never count.
 */
@Component
public class MatchDisclosure {

  /** The most hidden events one access request can name: a look-up is about one identifier. */
  static final int MAX_REQUESTED = 100;

  private final ElasticsearchClient client;
  private final AccessPolicy policy;
  private final MatchRefs refs;
  private final AccessQueries accessQueries;

  MatchDisclosure(
      ElasticsearchClient client,
      AccessPolicy policy,
      MatchRefs refs,
      AccessQueries accessQueries) {
    this.client = client;
    this.policy = policy;
    this.refs = refs;
    this.accessQueries = accessQueries;
  }

  /**
   * What a look-up may tell beyond the events it shows.
   *
   * @param exists whether hidden events that the caller may learn of match
   * @param matchRef present when they do: give it to {@code POST /api/v1/access-requests}
   */
  public record Disclosure(boolean exists, Optional<String> matchRef) {

    static Disclosure none() {
      return new Disclosure(false, Optional.empty());
    }
  }

  /**
   * Whether hidden events the caller may learn of match.
   *
   * @throws uk.crossline.kit.problem.ProblemException 503 when Elasticsearch cannot answer
   */
  public Disclosure disclose(Caller caller, MatchKey match) {
    try {
      long count =
          client
              .count(
                  c ->
                      c.index(IntelligenceIndex.READ_ALIAS)
                          .ignoreUnavailable(true)
                          .allowNoIndices(true)
                          .query(query(caller, match)))
              .count();
      return count > 0
          ? new Disclosure(true, Optional.of(refs.seal(caller, match)))
          : Disclosure.none();
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  /** A hidden event an access request may name, and who decides on it. */
  record HiddenMatch(EventId eventId, AgencyId originator) {}

  /**
   * The hidden events the caller may ask for now, found afresh: an event since retracted, made RED
   * or AMBER+STRICT, or that the caller already sees, is no longer one.
   */
  @SuppressWarnings("rawtypes")
  List<HiddenMatch> hiddenMatches(Caller caller, MatchKey match) {
    try {
      var response =
          client.search(
              s ->
                  IntelligenceSearch.onReadAlias(s)
                      .size(MAX_REQUESTED)
                      .source(src -> src.filter(f -> f.includes("eventId", "agency.id")))
                      .sort(o -> o.field(f -> f.field("eventId")))
                      .query(query(caller, match)),
              Map.class);
      List<HiddenMatch> found = new ArrayList<>();
      for (Hit<Map> hit : response.hits().hits()) {
        Map<?, ?> agency = (Map<?, ?>) hit.source().get("agency");
        found.add(
            new HiddenMatch(EventId.of(hit.id()), AgencyId.of(String.valueOf(agency.get("id")))));
      }
      return found;
    } catch (IOException | ElasticsearchException e) {
      throw IntelligenceSearch.unavailable();
    }
  }

  private Query query(Caller caller, MatchKey match) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(accessQueries.filter(policy.matchDisclosureFilterFor(caller)))
                        .filter(AccessQueries.terms(match.field(), match.values()))));
  }
}
