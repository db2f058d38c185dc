package uk.crossline.search.audit;

import static uk.crossline.search.parameters.QueryParameters.date;
import static uk.crossline.search.parameters.QueryParameters.pageSize;
import static uk.crossline.search.parameters.QueryParameters.single;
import static uk.crossline.search.parameters.QueryParameters.values;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.AgencyId;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.event.EventId;
import uk.crossline.search.parameters.QueryParameters;

/**
 * What an auditor asks of the access log, read strictly from the query string: an unknown
 * parameter, action, agency, event id or date is refused naming the parameter.
 *
 * @param purpose why the auditor looks, for the access log (required)
 * @param user the person's username, or the component of a system actor
 * @param actions any of these actions
 * @param eventIds records naming any of these events
 * @param from the first day (UTC) of the records' time
 * @param to the last day (UTC), whole
 * @param after the cursor of the previous page
 */
record AuditQuery(
    String purpose,
    Optional<String> user,
    Optional<AgencyId> agency,
    Set<AuditAction> actions,
    Set<EventId> eventIds,
    Optional<String> chain,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    int size,
    Optional<String> after) {

  static final int MAX_SIZE = 100;
  static final int MAX_EVENT_IDS = 20;

  /** A chain id as the access log writes it. */
  static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private static final Set<String> PARAMETERS =
      Set.of(
          "purpose", "user", "agency", "action", "eventId", "chain", "from", "to", "size", "after");

  static AuditQuery read(MultiValueMap<String, String> parameters) {
    List<FieldProblem> problems = new ArrayList<>();
    unknown(parameters, PARAMETERS, problems);
    String purpose = readPurpose(parameters, problems);
    Optional<String> user = single(parameters, "user").map(String::strip);
    if (user.isPresent()
        && (user.get().isEmpty()
            || user.get().length() > 256
            || user.get().chars().anyMatch(Character::isISOControl))) {
      problems.add(new FieldProblem("user", "a username or component, 1 to 256 characters"));
    }
    Optional<AgencyId> agency = Optional.empty();
    Optional<String> agencyText = single(parameters, "agency").map(String::strip);
    if (agencyText.isPresent()) {
      try {
        agency = Optional.of(AgencyId.of(agencyText.get()));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("agency", "an agency id, e.g. west-mercia-police"));
      }
    }
    Set<AuditAction> actions = new LinkedHashSet<>();
    for (String word : values(parameters, "action")) {
      try {
        actions.add(AuditAction.valueOf(word.strip()));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("action", "not an action; expected one of " + actionNames()));
      }
    }
    Set<EventId> eventIds = new LinkedHashSet<>();
    for (String id : values(parameters, "eventId")) {
      try {
        eventIds.add(EventId.of(id.strip()));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("eventId", "not an event id"));
      }
    }
    if (eventIds.size() > MAX_EVENT_IDS) {
      problems.add(new FieldProblem("eventId", "at most " + MAX_EVENT_IDS + " at a time"));
    }
    Optional<String> chain = readChain(parameters, problems);
    Optional<LocalDate> from = date(parameters, "from", problems);
    Optional<LocalDate> to = date(parameters, "to", problems);
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      problems.add(new FieldProblem("to", "is before from"));
    }
    int size = pageSize(parameters, MAX_SIZE, problems);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new AuditQuery(
        purpose,
        user,
        agency,
        Set.copyOf(actions),
        Set.copyOf(eventIds),
        chain,
        from,
        to,
        size,
        single(parameters, "after"));
  }

  /** What the verification is asked: a purpose, and optionally the one chain to check. */
  record Verification(String purpose, Optional<String> chain) {

    private static final Set<String> PARAMETERS = Set.of("purpose", "chain");

    static Verification read(MultiValueMap<String, String> parameters) {
      List<FieldProblem> problems = new ArrayList<>();
      unknown(parameters, PARAMETERS, problems);
      String purpose = readPurpose(parameters, problems);
      Optional<String> chain = readChain(parameters, problems);
      if (!problems.isEmpty()) {
        throw ProblemException.invalid(problems);
      }
      return new Verification(purpose, chain);
    }
  }

  private static void unknown(
      MultiValueMap<String, String> parameters, Set<String> known, List<FieldProblem> problems) {
    for (String name : parameters.keySet()) {
      if (!known.contains(name)) {
        problems.add(
            new FieldProblem(
                name,
                "not a parameter here; use one of " + String.join(", ", new TreeSet<>(known))));
      }
    }
  }

  private static String readPurpose(
      MultiValueMap<String, String> parameters, List<FieldProblem> problems) {
    // Auditors' own look-ups go in the access log too.
    return QueryParameters.purpose(single(parameters, "purpose").orElse(null), problems);
  }

  private static Optional<String> readChain(
      MultiValueMap<String, String> parameters, List<FieldProblem> problems) {
    Optional<String> chain = single(parameters, "chain").map(String::strip);
    if (chain.isPresent() && !CHAIN.matcher(chain.get()).matches()) {
      problems.add(
          new FieldProblem(
              "chain", "a chain id: letters, digits, dots, hyphens and underscores, at most 200"));
    }
    return chain;
  }

  private static String actionNames() {
    Set<String> names = new TreeSet<>();
    for (AuditAction action : AuditAction.values()) {
      names.add(action.name());
    }
    return String.join(", ", names);
  }
}
