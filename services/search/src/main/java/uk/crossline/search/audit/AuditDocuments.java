package uk.crossline.search.audit;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.audit.AuditActor;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.event.EventId;

/**
 * An access-log entry as a document of the audit index: its searchable fields, taken from the entry
 * alone, beside the exact record as written and where it sits on the topic. The verification
 * rebuilds the searchable fields from the record and compares, so a document whose fields were
 * edited, while its record was left alone, shows too.
 */
final class AuditDocuments {

  /** The exact record as written; not indexed. */
  static final String RECORD = "record";

  /** The record's partition and offset on the topic; where, not what, so outside the check. */
  static final String LOG = "log";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AuditDocuments() {}

  static Map<String, Object> source(AuditEntry entry, String record, int partition, long offset) {
    Map<String, Object> source = fields(entry);
    source.put(RECORD, record);
    source.put(LOG, Map.of("partition", partition, "offset", offset));
    return source;
  }

  /** The searchable fields of an entry, every one of them taken from the entry. */
  static Map<String, Object> fields(AuditEntry entry) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("schemaVersion", entry.schemaVersion());
    fields.put("chain", entry.chain());
    fields.put("sequence", entry.sequence());
    fields.put("at", DateTimeFormatter.ISO_INSTANT.format(entry.at()));
    Map<String, Object> actor = new LinkedHashMap<>();
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
    fields.put("actor", actor);
    fields.put("action", entry.action().name());
    fields.put("actionKind", entry.action().kind().name());
    entry.purpose().ifPresent(purpose -> fields.put("purpose", purpose));
    fields.put("criteria", new LinkedHashMap<>(entry.criteria()));
    fields.put("eventIds", entry.eventIds().stream().map(EventId::value).toList());
    fields.put("previousHash", entry.previousHash());
    fields.put("hash", entry.hash());
    return fields;
  }

  /**
   * Whether a document's searchable fields are exactly those its record gives, compared as JSON so
   * that how numbers came back from the index does not matter.
   */
  static boolean fieldsMatch(Map<String, Object> source, AuditEntry entry) {
    Map<String, Object> found = new LinkedHashMap<>(source);
    found.remove(RECORD);
    found.remove(LOG);
    return tree(found).equals(tree(fields(entry)));
  }

  private static JsonNode tree(Map<String, Object> fields) {
    return JSON.readTree(JSON.writeValueAsBytes(fields));
  }
}
