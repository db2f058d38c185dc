package uk.crossline.portal.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One access-log record as the search API returned it (exactly as written, with its hash), in the
 * words an auditor reads: the time in UK time, who and for which agency, the action, the purpose,
 * what was asked and the events named.
 */
public final class AuditRecordView {

  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, h:mm:ssa", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How many event ids a row of the results shows before "and n more". */
  static final int IDS_IN_A_ROW = 3;

  private final JsonNode record;

  AuditRecordView(JsonNode record) {
    this.record = record;
  }

  /** Where the record is opened: its chain and its place in it, which name it uniquely. */
  public String href() {
    return "/audit/records/" + chain() + "/" + sequence();
  }

  /** The key of the record among those shown, as its address names it. */
  String key() {
    return key(chain(), sequence());
  }

  static String key(String chain, String sequence) {
    return chain + "/" + sequence;
  }

  public String chain() {
    return record.path("chain").asString("");
  }

  public String sequence() {
    return record.path("sequence").asString("");
  }

  public String at() {
    return record.path("at").asString("");
  }

  public String when() {
    return moment(at());
  }

  /** An instant as the pages write it, in UK time to the second; as written if unreadable. */
  static String moment(String instant) {
    try {
      return MOMENT.format(Instant.parse(instant)).replace("AM", "am").replace("PM", "pm");
    } catch (RuntimeException unreadable) {
      return instant;
    }
  }

  /** The person's username, or the component of the hub that acted on its own. */
  public String who() {
    JsonNode actor = record.path("actor");
    return actor.hasNonNull("username")
        ? actor.path("username").asString()
        : actor.path("component").asString("");
  }

  public boolean isPerson() {
    return "PERSON".equals(record.path("actor").path("type").asString());
  }

  /** The agency the person acted for, with its type; empty for a component of the hub. */
  public String agency() {
    JsonNode actor = record.path("actor");
    if (!actor.hasNonNull("agency")) {
      return "";
    }
    return actor.path("agency").asString()
        + " ("
        + words(actor.path("agencyType").asString(""))
        + ")";
  }

  public String agencyId() {
    return record.path("actor").path("agency").asString("");
  }

  public String action() {
    return words(record.path("action").asString(""));
  }

  public String actionCode() {
    return record.path("action").asString("");
  }

  public String purpose() {
    return record.path("purpose").asString("");
  }

  /** What was asked and answered, as "name: value", in the record's order. */
  public List<String> criteria() {
    List<String> criteria = new ArrayList<>();
    record
        .path("criteria")
        .properties()
        .forEach(e -> criteria.add(e.getKey() + ": " + e.getValue().asString("")));
    return criteria;
  }

  public List<String> eventIds() {
    List<String> ids = new ArrayList<>();
    record.path("eventIds").forEach(id -> ids.add(id.asString()));
    return ids;
  }

  /** The first few event ids, for a row of the results. */
  public List<String> firstEventIds() {
    List<String> ids = eventIds();
    return ids.subList(0, Math.min(IDS_IN_A_ROW, ids.size()));
  }

  public int moreEventIds() {
    return Math.max(0, eventIds().size() - IDS_IN_A_ROW);
  }

  public String hash() {
    return record.path("hash").asString("");
  }

  public String previousHash() {
    return record.path("previousHash").asString("");
  }

  public String schemaVersion() {
    return record.path("schemaVersion").asString("");
  }

  /** The record exactly as the log holds it, laid out to read. */
  public String json() {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record);
  }

  /** The record as the API sent it, to keep between the results and its own page. */
  String raw() {
    return JSON.writeValueAsString(record);
  }

  static AuditRecordView fromRaw(String raw) {
    return new AuditRecordView(JSON.readTree(raw));
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
