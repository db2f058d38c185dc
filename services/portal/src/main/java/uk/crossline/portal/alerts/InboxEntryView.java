package uk.crossline.portal.alerts;

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

/** An alert or a digest from the inbox API, in the words a person reads. */
public final class InboxEntryView {

  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  private final JsonNode entry;
  private final Gazetteer gazetteer;

  InboxEntryView(JsonNode entry, Gazetteer gazetteer) {
    this.entry = entry;
    this.gazetteer = gazetteer;
  }

  public String alertId() {
    return entry.path("alertId").asString();
  }

  public boolean digest() {
    return "DIGEST".equals(entry.path("kind").asString());
  }

  public boolean followUp() {
    return "FOLLOW_UP".equals(entry.path("kind").asString());
  }

  public boolean read() {
    return entry.path("read").asBoolean(false);
  }

  public String subscriptionName() {
    return entry.path("subscriptionName").asString("");
  }

  /** The heading: what happened where, or what the digest holds. */
  public String title() {
    if (digest()) {
      int total = entry.path("total").asInt();
      return (total == 1 ? "1 alert" : total + " alerts") + " in one digest";
    }
    JsonNode content = entry.path("content");
    if (content.isMissingNode()) {
      return "Update to a report you were alerted to";
    }
    return category(content.path("category").asString()) + " in " + district(content);
  }

  public String delivered() {
    String at = entry.path("deliveredAt").asString("");
    return at.isEmpty()
        ? ""
        : MOMENT.format(Instant.parse(at)).replace("AM", "am").replace("PM", "pm");
  }

  public Optional<String> summary() {
    return Optional.ofNullable(entry.at("/content/full/summary").asString(null));
  }

  public Optional<String> notice() {
    return Optional.ofNullable(entry.path("notice").asString(null));
  }

  public String tlp() {
    return entry.at("/content/tlp").asString("");
  }

  /** Which rule of the subscription it matched, in words. */
  public Optional<String> matched() {
    JsonNode rule = entry.path("matchedRule");
    if (rule.isMissingNode() || rule.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        rule.path("area").asString("")
            + "; category "
            + rule.path("category").asString("")
            + "; indicators "
            + rule.path("indicators").asString(""));
  }

  /** A digest's groups: "Redditch, Deal line: 3". */
  public List<String> groups() {
    List<String> groups = new ArrayList<>();
    entry
        .path("groups")
        .forEach(
            group ->
                groups.add(
                    gazetteer
                            .district(group.path("area").asString())
                            .map(District::name)
                            .orElse(group.path("area").asString())
                        + ", "
                        + category(group.path("category").asString())
                        + ": "
                        + group.path("alertIds").size()));
    return groups;
  }

  private String district(JsonNode content) {
    String id = content.path("district").asString("");
    return gazetteer.district(id).map(District::name).orElse(id);
  }

  private static String category(String name) {
    try {
      return Category.valueOf(name).label();
    } catch (IllegalArgumentException e) {
      return name;
    }
  }
}
