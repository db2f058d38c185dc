package uk.crossline.portal.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriBuilder;
import uk.crossline.model.audit.AuditAction;

/**
 * What the auditor asked of the access log on the filter form. Kept in the session between the
 * form's POST and the results (a username is personal data and stays out of addresses), and sent to
 * the search API as its parameters of the same names.
 *
 * @param eventIds as typed: ids separated by commas or spaces
 * @param size records per page
 */
public record AuditFilters(
    String user,
    String agency,
    List<String> actions,
    String eventIds,
    String chain,
    String from,
    String to,
    int size)
    implements Serializable {

  static final int MAX_EVENT_IDS = 20;
  static final List<Integer> SIZES = List.of(20, 50, 100);

  public AuditFilters {
    actions = List.copyOf(actions);
  }

  static AuditFilters none() {
    return new AuditFilters("", "", List.of(), "", "", "", "", 50);
  }

  /** Records that name this event, and nothing else asked. */
  static AuditFilters forEvent(String eventId) {
    return new AuditFilters("", "", List.of(), eventId.strip(), "", "", "", 50);
  }

  /** The form's fields; unknown actions and sizes are dropped (the form offers no others). */
  static AuditFilters of(MultiValueMap<String, String> form) {
    List<String> actions =
        form.getOrDefault("action", List.of()).stream()
            .filter(AuditFilters::isAction)
            .distinct()
            .toList();
    int size =
        Optional.ofNullable(form.getFirst("size"))
            .flatMap(
                text -> SIZES.stream().filter(s -> s.toString().equals(text.strip())).findFirst())
            .orElse(50);
    return new AuditFilters(
        text(form, "user"),
        text(form, "agency"),
        actions,
        text(form, "eventId"),
        text(form, "chain"),
        text(form, "from"),
        text(form, "to"),
        size);
  }

  /**
   * What is wrong with the form before the API is asked, by field (the input's id), in the order of
   * the form. The API checks everything again and its refusals are shown the same way.
   */
  Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (user.length() > 256) {
      problems.put("user", "Username must be 256 characters or fewer");
    }
    if (eventIdList().size() > MAX_EVENT_IDS) {
      problems.put("eventId", "Enter at most " + MAX_EVENT_IDS + " event ids");
    }
    Optional<LocalDate> fromDay = day(from, "from", "From", problems);
    Optional<LocalDate> toDay = day(to, "to", "To", problems);
    if (fromDay.isPresent() && toDay.isPresent() && toDay.get().isBefore(fromDay.get())) {
      problems.put("to", "The ‘to’ date must be the same as or after the ‘from’ date");
    }
    return problems;
  }

  List<String> eventIdList() {
    return eventIds.isBlank()
        ? List.of()
        : Arrays.stream(eventIds.split("[,\\s]+")).filter(id -> !id.isBlank()).toList();
  }

  /** What was asked, as the parameters of {@code GET /api/v1/audit/records}. */
  MultiValueMap<String, String> parameters() {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    add(parameters, "user", user);
    add(parameters, "agency", agency);
    if (!actions.isEmpty()) {
      parameters.add("action", String.join(",", actions));
    }
    if (!eventIdList().isEmpty()) {
      parameters.add("eventId", String.join(",", eventIdList()));
    }
    add(parameters, "chain", chain);
    add(parameters, "from", from);
    add(parameters, "to", to);
    parameters.add("size", String.valueOf(size));
    return parameters;
  }

  /** Adds what was asked to a call of {@code GET /api/v1/audit/records}. */
  UriBuilder addTo(UriBuilder uri) {
    parameters().forEach((name, values) -> uri.queryParam(name, values.toArray()));
    return uri;
  }

  public boolean hasAction(String action) {
    return actions.contains(action);
  }

  private static void add(MultiValueMap<String, String> parameters, String name, String value) {
    if (!value.isBlank()) {
      parameters.add(name, value);
    }
  }

  private static Optional<LocalDate> day(
      String text, String field, String label, Map<String, String> problems) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      problems.put(
          field, "The ‘" + label.toLowerCase() + "’ date must be a date, for example 2026-11-25");
      return Optional.empty();
    }
  }

  private static boolean isAction(String name) {
    return Arrays.stream(AuditAction.values()).anyMatch(a -> a.name().equals(name));
  }

  private static String text(MultiValueMap<String, String> form, String name) {
    return Optional.ofNullable(form.getFirst(name)).map(String::strip).orElse("");
  }
}
