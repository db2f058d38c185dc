package uk.crossline.portal.search;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.District;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Priority;

/**
 * A report as the search API returned it, in the words and formats a person reads: labels for the
 * vocabulary, dates in UK time, the marking as a tag. Fields the API left out (the person may not
 * see them) are simply absent.
 */
public final class EventView {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  private final JsonNode event;
  private final Gazetteer gazetteer;

  EventView(JsonNode event, Gazetteer gazetteer) {
    this.event = event;
    this.gazetteer = gazetteer;
  }

  public String eventId() {
    return event.path("eventId").asString();
  }

  public String category() {
    return label(event.path("category").asString(), Category.class);
  }

  public String priority() {
    return label(event.path("priority").asString(), Priority.class);
  }

  /** The day it was observed, or the moment when the reporter knew it exactly. */
  public String observed() {
    String at = event.path("observedAt").asString("");
    if (at.isEmpty()) {
      return "Not known";
    }
    Instant instant = Instant.parse(at);
    return "EXACT".equals(event.path("observedAtPrecision").asString())
        ? MOMENT.format(instant).replace("AM", "am").replace("PM", "pm")
        : DAY.format(instant);
  }

  public String submitted() {
    String at = event.path("submittedAt").asString("");
    return at.isEmpty() ? "" : DAY.format(Instant.parse(at));
  }

  public String district() {
    String id = event.at("/location/district").asString("");
    return gazetteer.district(id).map(District::name).orElse(id);
  }

  public String ward() {
    return event.at("/location/ward").asString("");
  }

  public String outward() {
    return event.at("/location/outwardPostcode").asString("");
  }

  public String agency() {
    return event.at("/agency/id").asString("");
  }

  public String agencyType() {
    return words(event.at("/agency/type").asString(""));
  }

  public String summary() {
    return event.path("summary").asString("");
  }

  public List<String> indicators() {
    List<String> indicators = new ArrayList<>();
    event.path("indicators").forEach(i -> indicators.add(words(i.asString())));
    return indicators;
  }

  /** The TLP marking in capitals, as partners write it (TLP:AMBER). */
  public String tlp() {
    return event.at("/marking/tlp").asString("");
  }

  /** The GOV.UK tag colour of the marking. */
  public String tlpClass() {
    return "crossline-tlp--" + tlp().toLowerCase(Locale.ROOT);
  }

  public String classification() {
    return words(event.at("/marking/classification").asString(""));
  }

  /** The 3x5x2 grading code when the person may see it (e.g. "1 B P"), else whether graded. */
  public String grading() {
    JsonNode grading = event.path("grading");
    if (grading.hasNonNull("source")) {
      return String.join(
          " ",
          grading.path("source").asString(""),
          grading.path("intelligence").asString(""),
          grading.path("handling").asString(""));
    }
    return grading.path("graded").asBoolean(false) ? "Graded" : "Not graded";
  }

  /** Handling conditions the originator set, shown to everyone who sees the report. */
  public Optional<String> handlingConditions() {
    return Optional.ofNullable(event.at("/grading/conditions").asString(null))
        .filter(conditions -> !conditions.isBlank());
  }

  public Optional<String> premises() {
    JsonNode premises = event.path("premises");
    return premises.isMissingNode() || premises.isNull()
        ? Optional.empty()
        : Optional.of(
            premises.path("name").asString("")
                + ", "
                + premises.path("address").asString("")
                + " "
                + premises.path("postcode").asString(""));
  }

  public boolean retracted() {
    return "RETRACTED".equals(event.path("status").asString());
  }

  /** A report as a page of another package draws it (a linked report, a flag, a look-up hit). */
  public static EventView of(JsonNode event, Gazetteer gazetteer) {
    return new EventView(event, gazetteer);
  }

  /**
   * The premises' key the hub knows them by ("uprn:..." or "pc:..."), when the report names one.
   */
  public Optional<String> premisesKey() {
    return Optional.ofNullable(event.at("/premises/key").asString(null))
        .filter(key -> !key.isBlank());
  }

  /** The premises' name alone, when the report names premises. */
  public Optional<String> premisesName() {
    return Optional.ofNullable(event.at("/premises/name").asString(null))
        .filter(name -> !name.isBlank());
  }

  /** The month it was observed as the hub counts it (UTC), e.g. "2026-11". */
  public String observedMonth() {
    String at = event.path("observedAt").asString("");
    return at.length() >= 7 ? at.substring(0, 7) : "";
  }

  private static <E extends Enum<E>> String label(String name, Class<E> type) {
    try {
      E value = Enum.valueOf(type, name);
      return switch (value) {
        case Category c -> c.label();
        case Priority p -> p.label();
        default -> words(name);
      };
    } catch (IllegalArgumentException e) {
      return words(name);
    }
  }

  /** SOME_WORDS as "Some words". */
  static String words(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    String lower = name.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
