package uk.crossline.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.event.EventId;
import uk.crossline.model.json.JsonRefusals;
import uk.crossline.model.json.StrictJson;

/**
 * The JSON form of access-log entries on the audit topic. Writing gives the canonical form (keys
 * sorted, no whitespace, UTF-8) with the hash added, so an auditor can check an entry with any JSON
 * tool: drop {@code hash}, serialise canonically, SHA-256. Reading is strict: an unknown field or
 * value is an error naming the field.
 */
public final class AuditJson {

  private static final JsonMapper MAPPER =
      StrictJson.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .build();

  private AuditJson() {}

  public static byte[] write(AuditEntry entry) {
    ObjectNode json = tree(entry);
    json.put("hash", entry.hash());
    return MAPPER.writeValueAsBytes(json);
  }

  public static String writeString(AuditEntry entry) {
    return new String(write(entry), StandardCharsets.UTF_8);
  }

  /**
   * @throws AuditFormatException naming the field at fault
   */
  public static AuditEntry read(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new AuditFormatException("", "not well-formed JSON");
    }
    if (!(tree instanceof ObjectNode entry)) {
      throw new AuditFormatException("", "an entry is a JSON object");
    }
    JsonNode version = entry.get("schemaVersion");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new AuditFormatException("schemaVersion", "required, a whole number");
    }
    if (version.intValue() > AuditEntry.CURRENT_SCHEMA_VERSION) {
      throw new AuditFormatException(
          "schemaVersion",
          version.intValue()
              + " is newer than this service reads (up to "
              + AuditEntry.CURRENT_SCHEMA_VERSION
              + "); upgrade it");
    }
    try {
      return MAPPER.treeToValue(entry, AuditEntry.class);
    } catch (JacksonException e) {
      throw explain(e);
    }
  }

  public static AuditEntry read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The bytes the hash is taken over: every field but {@code hash}, built field by field rather
   * than from the record's Jackson mapping, so that the hashes of entries already written cannot
   * change with a library's defaults.
   */
  static byte[] canonical(AuditEntry entry) {
    return MAPPER.writeValueAsBytes(tree(entry));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ObjectNode tree(AuditEntry entry) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("schemaVersion", entry.schemaVersion());
    json.put("chain", entry.chain());
    json.put("sequence", entry.sequence());
    json.put("at", DateTimeFormatter.ISO_INSTANT.format(entry.at()));
    ObjectNode actor = json.putObject("actor");
    switch (entry.actor()) {
      case AuditActor.Person person -> {
        actor.put("type", "PERSON");
        actor.put("userId", person.userId());
        actor.put("username", person.username());
        actor.put("agency", person.agency().value());
        actor.put("agencyType", person.agencyType().name());
      }
      case AuditActor.SystemComponent system -> {
        actor.put("type", "SYSTEM");
        actor.put("component", system.component());
      }
    }
    json.put("action", entry.action().name());
    entry.purpose().ifPresent(purpose -> json.put("purpose", purpose));
    ObjectNode criteria = json.putObject("criteria");
    entry.criteria().forEach(criteria::put);
    ArrayNode eventIds = json.putArray("eventIds");
    entry.eventIds().stream().map(EventId::value).forEach(eventIds::add);
    json.put("previousHash", entry.previousHash());
    return json;
  }

  private static AuditFormatException explain(JacksonException e) {
    JsonRefusals.Refusal refusal =
        JsonRefusals.explain(
            e, "not a field of an access-log entry", "actor.type", "must be one of PERSON, SYSTEM");
    return new AuditFormatException(refusal.field(), refusal.reason());
  }
}
