package uk.crossline.indexer.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.indexer.IndexerSettings;
import uk.crossline.model.projection.IntelligenceIndex;

/**
 * Which generations of the projection the indexer writes: the live one, which the read alias
 * serves, and during a rebuild also the one being built. Every indexer instance reads this from a
 * small state document in Elasticsearch, at most {@code generation-refresh} old, so that all of
 * them start writing the new generation before a rebuild reads the topic.
 */
@Component
public class Generations {

  static final String STATE_INDEX = "crossline-indexer-state";
  private static final String STATE_ID = "generations";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ElasticsearchClient client;
  private final Clock clock;
  private final Duration refresh;
  private final Duration pastMonthsRefresh;
  private final Set<String> existingIndices = ConcurrentHashMap.newKeySet();
  private volatile boolean templateApplied;
  private volatile State cached;
  private volatile Instant cachedAt = Instant.MIN;

  /**
   * @param live the generation search reads
   * @param building the generation a rebuild is writing, if one is running
   */
  public record State(int live, Optional<Integer> building) {

    List<Integer> writeTargets() {
      return building.map(b -> List.of(live, b)).orElse(List.of(live));
    }
  }

  Generations(ElasticsearchClient client, Clock clock, IndexerSettings settings) {
    this.client = client;
    this.clock = clock;
    this.refresh = settings.generationRefresh();
    this.pastMonthsRefresh = settings.pastMonthsRefresh();
  }

  /** The state as of at most the refresh interval ago. */
  public State current() {
    if (cached == null || clock.instant().isAfter(cachedAt.plus(refresh))) {
      cached = read();
      cachedAt = clock.instant();
    }
    return cached;
  }

  /** Forgets the cached state, e.g. after this instance changed it. */
  public void forget() {
    cached = null;
  }

  private State read() {
    try {
      Optional<State> recorded = recorded();
      return recorded.isPresent()
          ? recorded.get()
          : new State(liveFromAlias().orElse(1), Optional.empty());
    } catch (IOException | ElasticsearchException e) {
      throw new ProjectionUnavailableException("cannot read the projection's generations", e);
    }
  }

  private Optional<State> recorded() throws IOException {
    try {
      GetResponse<Map> response = client.get(g -> g.index(STATE_INDEX).id(STATE_ID), Map.class);
      if (!response.found() || response.source() == null) {
        return Optional.empty();
      }
      return Optional.of(stateOf(response.source()));
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The generation the read alias serves now, if it serves any. */
  public OptionalInt liveFromAlias() throws IOException {
    try {
      var aliases = client.indices().getAlias(a -> a.name(IntelligenceIndex.READ_ALIAS));
      return aliases.result().keySet().stream()
          .map(IntelligenceIndex::parse)
          .flatMap(Optional::stream)
          .mapToInt(IntelligenceIndex.Parsed::generation)
          .max();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return OptionalInt.empty();
      }
      throw e;
    }
  }

  /** Records the state; {@code ifCurrent} guards against two rebuilds at once. */
  public void write(State state) throws IOException {
    Map<String, Object> source = sourceOf(state);
    client.index(i -> i.index(STATE_INDEX).id(STATE_ID).document(source).refresh(Refresh.True));
    forget();
  }

  private static State stateOf(Map<?, ?> source) {
    Object building = source.get("building");
    return new State(
        ((Number) source.get("live")).intValue(),
        building == null ? Optional.empty() : Optional.of(((Number) building).intValue()));
  }

  private Map<String, Object> sourceOf(State state) {
    Map<String, Object> source = new java.util.HashMap<>();
    source.put("live", state.live());
    source.put("building", state.building().orElse(null));
    source.put("changedAt", clock.instant().toString());
    return source;
  }

  /**
   * The state document as stored, with what it takes to replace it only if nobody has changed it
   * since: how rebuilds started on different instances exclude each other.
   *
   * @param changedAt when it was last written, which a running rebuild renews as its heartbeat
   */
  public record Recorded(State state, Instant changedAt, long seqNo, long primaryTerm) {}

  /** The state document as stored now, not cached, if one was ever written. */
  public Optional<Recorded> recordedNow() throws IOException {
    try {
      GetResponse<Map> response = client.get(g -> g.index(STATE_INDEX).id(STATE_ID), Map.class);
      if (!response.found() || response.source() == null) {
        return Optional.empty();
      }
      Object changedAt = response.source().get("changedAt");
      return Optional.of(
          new Recorded(
              stateOf(response.source()),
              changedAt == null ? Instant.EPOCH : Instant.parse(changedAt.toString()),
              response.seqNo() == null ? 0 : response.seqNo(),
              response.primaryTerm() == null ? 0 : response.primaryTerm()));
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Writes the state only if the document is still as {@code expected} was read (or still absent,
   * if {@code expected} is empty).
   *
   * @return the document as now stored, or empty if another instance changed it first
   */
  public Optional<Recorded> writeIfUnchanged(State state, Optional<Recorded> expected)
      throws IOException {
    Map<String, Object> source = sourceOf(state);
    try {
      IndexResponse response =
          client.index(
              i -> {
                i.index(STATE_INDEX).id(STATE_ID).document(source).refresh(Refresh.True);
                if (expected.isPresent()) {
                  i.ifSeqNo(expected.get().seqNo()).ifPrimaryTerm(expected.get().primaryTerm());
                } else {
                  i.opType(OpType.Create);
                }
                return i;
              });
      return Optional.of(
          new Recorded(
              state,
              Instant.parse(source.get("changedAt").toString()),
              response.seqNo() == null ? 0 : response.seqNo(),
              response.primaryTerm() == null ? 0 : response.primaryTerm()));
    } catch (ElasticsearchException e) {
      if (e.status() == 409) {
        return Optional.empty();
      }
      throw e;
    } finally {
      forget();
    }
  }

  /** Every index of the projection, of every generation, and whether the read alias covers it. */
  public Map<String, Boolean> indices() throws IOException {
    try {
      var aliases =
          client
              .indices()
              .getAlias(
                  a ->
                      a.index(IntelligenceIndex.allGenerations())
                          .ignoreUnavailable(true)
                          .allowNoIndices(true));
      Map<String, Boolean> indices = new TreeMap<>();
      aliases
          .result()
          .forEach(
              (index, entry) ->
                  indices.put(index, entry.aliases().containsKey(IntelligenceIndex.READ_ALIAS)));
      return indices;
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Map.of();
      }
      throw e;
    }
  }

  /** Makes what was written to the generation visible to searches, and to the next lookup. */
  public void refresh(int generation) throws IOException {
    client
        .indices()
        .refresh(
            r ->
                r.index(IntelligenceIndex.pattern(generation))
                    .ignoreUnavailable(true)
                    .allowNoIndices(true));
  }

  /**
   * Changes what the read alias serves in one atomic request: searches see either the indices
   * before or the indices after, never a mixture and never nothing. Deleting an index in the same
   * request takes it out of the alias at the same instant.
   */
  public void changeAlias(
      Collection<String> leaving, Collection<String> joining, Collection<String> deleted)
      throws IOException {
    List<Action> actions = new ArrayList<>();
    for (String index : leaving) {
      actions.add(
          Action.of(a -> a.remove(r -> r.index(index).alias(IntelligenceIndex.READ_ALIAS))));
    }
    for (String index : joining) {
      actions.add(Action.of(a -> a.add(r -> r.index(index).alias(IntelligenceIndex.READ_ALIAS))));
    }
    for (String index : deleted) {
      actions.add(Action.of(a -> a.removeIndex(r -> r.index(index))));
    }
    if (actions.isEmpty()) {
      return;
    }
    client.indices().updateAliases(u -> u.actions(actions));
    if (!deleted.isEmpty()) {
      forgetIndices();
    }
  }

  /** Deletes indices of the projection, by name (the cluster refuses wildcards for deletes). */
  public void deleteIndices(Collection<String> names) throws IOException {
    if (names.isEmpty()) {
      return;
    }
    client.indices().delete(d -> d.index(List.copyOf(names)).ignoreUnavailable(true));
    forgetIndices();
  }

  /**
   * Creates an index of the projection unless it exists; live indices join the read alias. An index
   * of a month before the current one refreshes less often ({@link
   * IndexerSettings#pastMonthsRefresh}); when the current month's index is made, the month before
   * it slows down too.
   */
  public void ensureIndex(String name, boolean live) throws IOException {
    ensureTemplate();
    if (existingIndices.contains(name)) {
      return;
    }
    YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    Optional<IntelligenceIndex.Parsed> parsed = IntelligenceIndex.parse(name);
    boolean past = parsed.map(p -> p.month().isBefore(current)).orElse(false);
    boolean created = true;
    try {
      client
          .indices()
          .create(
              c -> {
                c.index(name);
                if (past) {
                  c.settings(s -> s.refreshInterval(pastMonthsRefresh()));
                }
                if (live) {
                  c.aliases(IntelligenceIndex.READ_ALIAS, a -> a);
                }
                return c;
              });
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
      created = false;
    }
    existingIndices.add(name);
    if (created && parsed.isPresent() && parsed.get().month().equals(current)) {
      String monthBefore =
          IntelligenceIndex.name(parsed.get().generation(), current.minusMonths(1));
      client
          .indices()
          .putSettings(
              p ->
                  p.index(monthBefore)
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .settings(s -> s.refreshInterval(pastMonthsRefresh())));
    }
  }

  private Time pastMonthsRefresh() {
    return Time.of(t -> t.time(pastMonthsRefresh.toMillis() + "ms"));
  }

  /**
   * Puts the projection's index template, as defined in {@code infra/} and bundled in this jar,
   * before this instance writes its first document: the indexer owns its projection's mappings. The
   * template's mappings go onto the projection's existing indices too, so a field added to the
   * template since they were created (as {@code grants} was) is there before a document carrying it
   * arrives; the strict mapping would refuse that document otherwise. A mapping update may only add
   * fields: a changed field takes a rebuild into a new generation.
   */
  private void ensureTemplate() throws IOException {
    if (templateApplied) {
      return;
    }
    byte[] template;
    try (InputStream in =
        Generations.class.getResourceAsStream(
            "/elasticsearch/index-templates/" + IntelligenceIndex.TEMPLATE + ".json")) {
      if (in == null) {
        throw new IllegalStateException("the index template is missing from the indexer's jar");
      }
      template = in.readAllBytes();
    }
    client
        .indices()
        .putIndexTemplate(
            t -> t.name(IntelligenceIndex.TEMPLATE).withJson(new ByteArrayInputStream(template)));
    String mappings = JSON.readTree(template).path("template").path("mappings").toString();
    client
        .indices()
        .putMapping(
            m ->
                m.withJson(new StringReader(mappings))
                    .index(IntelligenceIndex.allGenerations())
                    .allowNoIndices(true)
                    .ignoreUnavailable(true));
    templateApplied = true;
  }

  /** Forgets which indices exist, after some were deleted. */
  public void forgetIndices() {
    existingIndices.clear();
  }
}
