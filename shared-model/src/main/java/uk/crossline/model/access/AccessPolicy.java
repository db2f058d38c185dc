package uk.crossline.model.access;

import static uk.crossline.model.access.AccessFilter.allOf;
import static uk.crossline.model.access.AccessFilter.anyOf;
import static uk.crossline.model.access.AccessFilter.matchNone;
import static uk.crossline.model.access.AccessFilter.not;
import static uk.crossline.model.access.AccessFilter.term;
import static uk.crossline.model.access.AccessFilter.terms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import uk.crossline.model.AgencyId;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

/**
 * Who sees what, written once: every path that shows, counts or sends an event goes through here.
 * Each rule comes twice, as a decision on one event in memory ({@link #canSee}, for alerts and
 * exports) and as an {@link AccessFilter} over document fields ({@link #filterFor}, which search
 * puts inside its Elasticsearch query so hits, counts, facets, links and statistics never reveal an
 * event the caller may not see). {@code AccessPolicyEquivalenceTest} holds the two together on
 * every marking, scope, agreement, category, status and grant.
 *
 * <p>An agency receives a live event when:
 *
 * <ol>
 *   <li>it originated it (whatever the marking and its agreement); or
 *   <li>the marking is not RED and the originator granted it access on request; or
 *   <li>the marking reaches it &mdash; AMBER+STRICT: named in scope; AMBER: named, or of an agency
 *       type in scope where its agreement lets type scope reach it; GREEN and CLEAR: every agency
 *       of the hub &mdash; and its agreement admits the marking and the category.
 * </ol>
 *
 * <p>A retracted event reaches nobody, its originator included. A caller then sees what its agency
 * receives through a channel its agreement opens and its roles allow: search (role SEARCH), alerts
 * (SUBSCRIBE_ALERTS) or statistics (READ_STATISTICS). A caller whose agency the partnership does
 * not list, or whose token gives the agency another type than the partnership file does, sees
 * nothing.
 *
 * <p>What an event reaches is also written into its document: the indexer {@linkplain #stampReach
 * stamps} it with the agencies it reaches, each as a stamp of this policy's {@linkplain
 * #reachPolicy fingerprint}, so that a filter can be one term instead of the conditions above. The
 * filters hold both forms ({@link AccessFilter.Reaches}); search asks for the term only while every
 * live document bears this policy's stamps, and a document stamped under another policy never
 * matches one (a change of partnership hides, it never shows).
 */
public final class AccessPolicy {

  private static final Set<Tlp> OPEN = EnumSet.of(Tlp.CLEAR, Tlp.GREEN);
  private static final Set<Tlp> NAMED = EnumSet.of(Tlp.AMBER, Tlp.AMBER_STRICT);
  private static final Set<Tlp> GRANTABLE = EnumSet.complementOf(EnumSet.of(Tlp.RED));

  /**
   * The version of the rules of {@link Party#receives}, part of the {@linkplain #reachPolicy
   * fingerprint}: raise it with any change to them, so that documents stamped under the old rules
   * stop matching and search reads the fields until the projection is rebuilt.
   */
  private static final int REACH_RULES = 1;

  private final Partnership partnership;
  private final Map<AgencyId, Party> parties = new HashMap<>();
  private final String reachPolicy;

  public AccessPolicy(Partnership partnership) {
    this.partnership = Objects.requireNonNull(partnership, "partnership");
    for (PartnerAgency agency : partnership.agencies()) {
      parties.put(
          agency.id(), new Party(agency, partnership.agreementOf(agency.id()).orElseThrow()));
    }
    this.reachPolicy = fingerprint(parties.values());
  }

  /** The policy of the partnership bundled with this build. */
  public static AccessPolicy bundled() {
    return new AccessPolicy(Partnership.bundled());
  }

  public Partnership partnership() {
    return partnership;
  }

  /** Whether the caller may search, view, follow links and export at all. */
  public boolean maySearch(Caller caller) {
    return party(caller, Channel.SEARCH).isPresent();
  }

  /** Whether the caller may see this event in search, a view, a link or an export. */
  public boolean canSee(Caller caller, EventAccess event) {
    return party(caller, Channel.SEARCH).map(party -> party.receives(event)).orElse(false);
  }

  /** The events {@link #canSee} lets the caller see, as a filter on the projection's documents. */
  public AccessFilter filterFor(Caller caller) {
    return party(caller, Channel.SEARCH).map(this::receivesFilter).orElse(matchNone());
  }

  /**
   * The restricted field groups the caller sees in the events it may see. The same in search and in
   * full-detail alerts.
   */
  public FieldAccess fieldsFor(Caller caller) {
    return party(caller)
        .map(
            party ->
                new FieldAccess(
                    Arrays.stream(FieldGroup.values())
                        .filter(
                            group ->
                                partnership
                                    .fieldAccess()
                                    .get(group)
                                    .admits(party.agency().type(), caller.roles()))
                        .collect(() -> EnumSet.noneOf(FieldGroup.class), Set::add, Set::addAll)))
        .orElse(FieldAccess.none());
  }

  /**
   * Hit / no-hit: whether a caller who searched for an identifier or a premises that this event
   * holds, and who may not see the event, may learn that a match exists (never what it is) and ask
   * the originator for access. Only for live events whose marking the partnership file lists under
   * {@code match-disclosure} (never RED or AMBER+STRICT: their originator chose every recipient,
   * and even the existence of a record can expose an operation). False for an event the caller
   * sees: that is a hit, not a disclosure.
   */
  public boolean mayLearnOfMatch(Caller caller, EventAccess event) {
    return party(caller, Channel.SEARCH)
        .map(
            party ->
                event.status() == DocumentStatus.ACTIVE
                    && event.tlp().filter(partnership.matchDisclosure()::contains).isPresent()
                    && !party.receives(event))
        .orElse(false);
  }

  /**
   * The events {@link #mayLearnOfMatch} discloses to the caller, as a filter; disjoint from {@link
   * #filterFor}. Search combines it with the identifier or premises searched for and reveals only
   * whether anything matched.
   */
  public AccessFilter matchDisclosureFilterFor(Caller caller) {
    return party(caller, Channel.SEARCH)
        .map(
            party ->
                allOf(
                    term(Fields.STATUS, DocumentStatus.ACTIVE.name()),
                    tlpTerms(partnership.matchDisclosure()),
                    not(receivesFilter(party))))
        .orElse(matchNone());
  }

  /** How much of an event the caller's alerts may carry; NONE when it may receive none. */
  public AlertDetail alertDetail(Caller subscriber) {
    return party(subscriber, Channel.ALERTS)
        .map(party -> party.agreement().alerts())
        .orElse(AlertDetail.NONE);
  }

  /**
   * Whether the subscriber may be alerted to this event, at its {@link #alertDetail}. Not being
   * alerted to one's own agency's submissions, and follow-ups to the recipients of an alert about
   * an event since retracted, are the alerts' own rules: a retracted event reaches nobody here.
   */
  public boolean mayBeAlerted(Caller subscriber, EventAccess event) {
    return party(subscriber, Channel.ALERTS).map(party -> party.receives(event)).orElse(false);
  }

  /** The events {@link #mayBeAlerted} lets reach the subscriber, as a filter. */
  public AccessFilter alertFilterFor(Caller subscriber) {
    return party(subscriber, Channel.ALERTS).map(this::receivesFilter).orElse(matchNone());
  }

  /** Whether the caller may read the partnership's statistics at all. */
  public boolean mayReadStatistics(Caller caller) {
    return party(caller, Channel.STATISTICS).isPresent();
  }

  /**
   * Whether this event counts in the statistics the caller reads: those of what its agency
   * receives, so no count or suppressed cell depends on an event the agency may not see.
   */
  public boolean countsInStatistics(Caller caller, EventAccess event) {
    return party(caller, Channel.STATISTICS).map(party -> party.receives(event)).orElse(false);
  }

  /** The events {@link #countsInStatistics} counts for the caller, as a filter. */
  public AccessFilter statisticsFilterFor(Caller caller) {
    return party(caller, Channel.STATISTICS).map(this::receivesFilter).orElse(matchNone());
  }

  /**
   * A fingerprint of all that decides which agencies an event reaches besides the event itself:
   * each agency's id and type, the markings and categories its agreement admits, whether AMBER
   * shared with its type reaches it, and the version of the rules. Any change to one of these
   * changes it, and the indexer's stamps with it.
   */
  public String reachPolicy() {
    return reachPolicy;
  }

  /**
   * Writes into a projection document the agencies its event reaches, each as this policy's stamp
   * ({@code reach}), and this policy's fingerprint ({@code reachPolicy}); worked out from the
   * document's own fields, its grants included, so the document must be complete first. A retracted
   * event reaches nobody.
   *
   * @throws IllegalArgumentException when a field the policy needs is missing or unknown
   */
  public void stampReach(Map<String, Object> document) {
    EventAccess event = EventAccess.fromDocument(document);
    document.put(
        Fields.REACH,
        parties.values().stream()
            .filter(party -> party.receives(event))
            .map(party -> stamp(party.agency().id()))
            .sorted()
            .toList());
    document.put(Fields.REACH_POLICY, reachPolicy);
  }

  /**
   * Live documents this policy did not stamp: none of them may be matched by {@link
   * AccessFilter#byReach} filters, so search reads the fields while there is one.
   */
  public AccessFilter unstamped() {
    return allOf(
        term(Fields.STATUS, DocumentStatus.ACTIVE.name()),
        not(term(Fields.REACH_POLICY, reachPolicy)));
  }

  /** How {@link #stampReach} writes that the event reaches this agency. */
  public String stamp(AgencyId agency) {
    return reachPolicy + "/" + agency.value();
  }

  private AccessFilter receivesFilter(Party party) {
    return party.receivesFilter(stamp(party.agency().id()));
  }

  private static String fingerprint(Collection<Party> parties) {
    StringBuilder text = new StringBuilder("rules ").append(REACH_RULES).append('\n');
    parties.stream()
        .sorted(Comparator.comparing(party -> party.agency().id().value()))
        .forEach(
            party ->
                text.append(party.agency().id().value())
                    .append(' ')
                    .append(party.agency().type())
                    .append(' ')
                    .append(new TreeSet<>(party.agreement().markings()))
                    .append(' ')
                    .append(party.agreement().amberByAgencyType())
                    .append(' ')
                    .append(new TreeSet<>(party.agreement().categories()))
                    .append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The caller's agency as the partnership file knows it, if the token agrees with the file. */
  private Optional<Party> party(Caller caller) {
    return Optional.ofNullable(parties.get(caller.agency()))
        .filter(party -> party.agency().type() == caller.agencyType());
  }

  private Optional<Party> party(Caller caller, Channel channel) {
    return party(caller)
        .filter(party -> caller.has(channel.role) && channel.opens.test(party.agreement()));
  }

  private static AccessFilter tlpTerms(Collection<Tlp> markings) {
    return terms(Fields.TLP, markings.stream().map(Enum::name).toList());
  }

  private enum Channel {
    SEARCH(Role.SEARCH, Agreement::search),
    ALERTS(Role.SUBSCRIBE_ALERTS, agreement -> agreement.alerts() != AlertDetail.NONE),
    STATISTICS(Role.READ_STATISTICS, Agreement::statistics);

    private final Role role;
    private final Predicate<Agreement> opens;

    Channel(Role role, Predicate<Agreement> opens) {
      this.role = role;
      this.opens = opens;
    }
  }

  /** An agency of the partnership with its agreement: what it receives, whatever the channel. */
  private record Party(PartnerAgency agency, Agreement agreement) {

    boolean receives(EventAccess event) {
      if (event.status() != DocumentStatus.ACTIVE) {
        return false;
      }
      if (event.originator().equals(agency.id())) {
        return true;
      }
      Tlp tlp = event.tlp().orElseThrow();
      Category category = event.category().orElseThrow();
      if (GRANTABLE.contains(tlp) && event.grants().contains(agency.id())) {
        return true;
      }
      boolean marked =
          switch (tlp) {
            case RED -> false;
            case AMBER_STRICT -> event.scopeAgencies().contains(agency.id());
            case AMBER ->
                event.scopeAgencies().contains(agency.id())
                    || (agreement.amberByAgencyType()
                        && event.scopeAgencyTypes().contains(agency.type()));
            case GREEN, CLEAR -> true;
          };
      return marked && agreement.admits(tlp, category);
    }

    /**
     * {@link #receives} as a filter: the policy's stamp for this agency on {@code reach}, or the
     * conditions on the fields, built from the same agreement clause by clause.
     */
    AccessFilter receivesFilter(String stamp) {
      String id = agency.id().value();
      List<AccessFilter> byMarking = new ArrayList<>();
      byMarking.add(tlpTerms(intersection(OPEN, agreement.markings())));
      byMarking.add(
          allOf(
              tlpTerms(intersection(NAMED, agreement.markings())),
              term(Fields.SCOPE_AGENCIES, id)));
      if (agreement.amberByAgencyType() && agreement.markings().contains(Tlp.AMBER)) {
        byMarking.add(
            allOf(
                term(Fields.TLP, Tlp.AMBER.name()),
                term(Fields.SCOPE_AGENCY_TYPES, agency.type().name())));
      }
      AccessFilter categories =
          agreement.categories().containsAll(EnumSet.allOf(Category.class))
              ? AccessFilter.matchAll()
              : terms(Fields.CATEGORY, agreement.categories().stream().map(Enum::name).toList());
      AccessFilter byFields =
          allOf(
              term(Fields.STATUS, DocumentStatus.ACTIVE.name()),
              anyOf(
                  term(Fields.AGENCY_ID, id),
                  allOf(tlpTerms(GRANTABLE), term(Fields.GRANTS, id)),
                  allOf(anyOf(byMarking), categories)));
      return new AccessFilter.Reaches(new AccessFilter.Term(Fields.REACH, stamp), byFields);
    }

    private static Set<Tlp> intersection(Set<Tlp> a, Set<Tlp> b) {
      Set<Tlp> both = EnumSet.copyOf(a);
      both.retainAll(b);
      return both;
    }
  }
}
