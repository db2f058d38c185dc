package uk.crossline.model.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.crossline.model.event.EventId;

/**
 * The JSON form of access-log entries on the audit topic. Writing gives the canonical form (keys
 * sorted, no whitespace, UTF-8) with the hash added, so an auditor can check an entry with any JSON
 * tool: drop {@code hash}, serialise canonically, SHA-256. Reading is strict: an unknown field or
 * value is an error naming the field.
 */
public final class AuditJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .changeDefaultPropertyInclusion(
              include -> include.withValueInclusion(JsonInclude.Include.NON_ABSENT))
          .build();

  private static final Pattern FIELD =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*");
  private static final Pattern FIELD_AND_REASON =
      Pattern.compile("(" + FIELD.pattern() + "): (.+)", Pattern.DOTALL);

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
    String field = pathOf(e.getPath());
    return switch (e) {
      case UnrecognizedPropertyException unknown ->
          new AuditFormatException(field, "not a field of an access-log entry");
      case InvalidTypeIdException typeId ->
          new AuditFormatException("actor.type", "must be one of PERSON, SYSTEM");
      case InvalidFormatException format
          when format.getTargetType() != null && format.getTargetType().isEnum() ->
          new AuditFormatException(
              field, "not a known value; expected one of " + constants(format.getTargetType()));
      case ValueInstantiationException instantiation -> refusedByOurChecks(field, instantiation);
      case MismatchedInputException mismatch
          when mismatch.getTargetType() != null && mismatch.getTargetType().isEnum() ->
          new AuditFormatException(
              field, "not a known value; expected one of " + constants(mismatch.getTargetType()));
      case MismatchedInputException mismatch ->
          new AuditFormatException(field, "missing or of the wrong type");
      default -> new AuditFormatException(field, "cannot be read");
    };
  }

  /** Our constructors name the field from the top of the entry and never echo values. */
  private static AuditFormatException refusedByOurChecks(
      String path, ValueInstantiationException e) {
    Throwable cause = e.getCause();
    String message = cause == null ? null : cause.getMessage();
    if (message == null) {
      return new AuditFormatException(path, "required");
    }
    if (cause instanceof NullPointerException) {
      return new AuditFormatException(
          FIELD.matcher(message).matches() ? message : path, "required");
    }
    Matcher fieldAndReason = FIELD_AND_REASON.matcher(message);
    if (cause instanceof IllegalArgumentException && fieldAndReason.matches()) {
      return new AuditFormatException(fieldAndReason.group(1), fieldAndReason.group(2));
    }
    return new AuditFormatException(path, "cannot be read");
  }

  private static String constants(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(Object::toString)
        .collect(Collectors.joining(", "));
  }

  private static String pathOf(List<JacksonException.Reference> path) {
    var text = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        if (!text.isEmpty()) {
          text.append('.');
        }
        text.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        text.append('[').append(reference.getIndex()).append(']');
      }
    }
    return text.toString();
  }
}
