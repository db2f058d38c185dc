package uk.crossline.portal.submit;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * A report being written: the answers given so far, kept in the person's session only (never in an
 * address or a log) until it is sent or abandoned. Answers are kept as the pages' field names with
 * the text typed; {@link ReportBody} turns them into the intake's JSON.
 *
 * @param amending the hub's reference (event id) of the report being amended, or null for a new one
 * @param answered the pages answered, so "Change" returns to check your answers
 */
record Draft(FormKind kind, String amending, Map<String, List<String>> answers, Set<Page> answered)
    implements Serializable {

  private static final String ATTRIBUTE = "crossline.submit.draft";

  Draft {
    answers = Map.copyOf(answers);
    answered = answered.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(answered));
  }

  static Draft blank(FormKind kind) {
    return new Draft(kind, null, Map.of(), Set.of());
  }

  static Optional<Draft> of(HttpSession session) {
    return Optional.ofNullable((Draft) session.getAttribute(ATTRIBUTE));
  }

  void keep(HttpSession session) {
    session.setAttribute(ATTRIBUTE, this);
  }

  static void abandon(HttpSession session) {
    session.removeAttribute(ATTRIBUTE);
  }

  public boolean isAmendment() {
    return amending != null;
  }

  public boolean complete() {
    return answered.containsAll(EnumSet.allOf(Page.class));
  }

  /** The first page not answered yet. */
  public Page firstUnanswered() {
    for (Page page : Page.values()) {
      if (!answered.contains(page)) {
        return page;
      }
    }
    return Page.MARKING;
  }

  /** This draft with the page's answers as posted (only the page's own fields are read). */
  Draft answer(Page page, MultiValueMap<String, String> posted) {
    Map<String, List<String>> next = new LinkedHashMap<>(answers);
    for (String field : page.fields(kind, isAmendment())) {
      List<String> values =
          posted.getOrDefault(field, List.of()).stream()
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .toList();
      if (values.isEmpty()) {
        next.remove(field);
      } else {
        next.put(field, List.copyOf(values));
      }
    }
    return new Draft(kind, amending, next, answered);
  }

  /** This draft with the page to be answered again (its answers failed a check). */
  Draft unanswered(Page page) {
    Set<Page> pages = answered.isEmpty() ? EnumSet.noneOf(Page.class) : EnumSet.copyOf(answered);
    pages.remove(page);
    return new Draft(kind, amending, answers, pages);
  }

  Draft answered(Page page) {
    Set<Page> pages = EnumSet.of(page);
    pages.addAll(answered);
    return new Draft(kind, amending, answers, pages);
  }

  /** The answer given, or "" when none. */
  public String one(String field) {
    List<String> values = answers.getOrDefault(field, List.of());
    return values.isEmpty() ? "" : values.getFirst();
  }

  public List<String> all(String field) {
    return answers.getOrDefault(field, List.of());
  }

  public boolean has(String field) {
    return !one(field).isEmpty();
  }

  /** An amendment of the report with this event id, its answers pre-filled from the hub. */
  static Draft amending(FormKind kind, String eventId, Map<String, List<String>> answers) {
    return new Draft(kind, eventId, answers, Set.of());
  }
}
