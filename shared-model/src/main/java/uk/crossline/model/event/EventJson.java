package uk.crossline.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of intelligence events on the topic: what every producer writes and every consumer
 * reads. Reading is strict (an unknown field or vocabulary word is an error naming the field) and
 * accepts every schema version up to {@link IntelligenceEvent#CURRENT_SCHEMA_VERSION}, lifting
 * older ones to the current form first.
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // A missing field reads as absent: Optional fields are empty, required ones are refused
          // by the records' own checks, naming the field.
          .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .changeDefaultPropertyInclusion(
              include -> include.withValueInclusion(JsonInclude.Include.NON_ABSENT))
          .build();

  /** How our records' checks name a field, e.g. {@code grading.conditions}, and give the reason. */
  private static final Pattern FIELD =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*");

  private static final Pattern FIELD_AND_REASON =
      Pattern.compile("(" + FIELD.pattern() + "): (.+)", Pattern.DOTALL);

  private EventJson() {}

  public static byte[] write(IntelligenceEvent event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public static String writeString(IntelligenceEvent event) {
    return MAPPER.writeValueAsString(event);
  }

  /**
   * A digest of a report's content, the same in every JVM for the same content: how an intake tells
   * a retried submission from a changed one.
   */
  public static String fingerprint(IntelligenceReport report) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(MAPPER.writeValueAsBytes(report)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * @throws EventFormatException naming the field at fault
   */
  public static IntelligenceEvent read(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new EventFormatException("", "not well-formed JSON");
    }
    return read(tree);
  }

  public static IntelligenceEvent read(String json) {
    return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static IntelligenceEvent read(JsonNode tree) {
    if (!(tree instanceof ObjectNode event)) {
      throw new EventFormatException("", "an event is a JSON object");
    }
    JsonNode version = event.get("schemaVersion");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new EventFormatException("schemaVersion", "required, a whole number");
    }
    int schemaVersion = version.intValue();
    if (schemaVersion > IntelligenceEvent.CURRENT_SCHEMA_VERSION) {
      throw new EventFormatException(
          "schemaVersion",
          schemaVersion
              + " is newer than this service reads (up to "
              + IntelligenceEvent.CURRENT_SCHEMA_VERSION
              + "); upgrade it");
    }
    if (schemaVersion < 1) {
      throw new EventFormatException("schemaVersion", "versions start at 1");
    }
    ObjectNode current = SchemaUpgrades.toCurrent(event, schemaVersion);
    try {
      return MAPPER.treeToValue(current, IntelligenceEvent.class);
    } catch (JacksonException e) {
      throw explain(e);
    }
  }

  private static EventFormatException explain(JacksonException e) {
    String field = pathOf(e.getPath());
    return switch (e) {
      case UnrecognizedPropertyException unknown ->
          new EventFormatException(
              field,
              "not a field of this event (schema version "
                  + IntelligenceEvent.CURRENT_SCHEMA_VERSION
                  + ")");
      case InvalidTypeIdException typeId ->
          new EventFormatException("kind", "must be one of REPORT, AMENDMENT, RETRACTION");
      case InvalidFormatException format
          when format.getTargetType() != null && format.getTargetType().isEnum() ->
          new EventFormatException(
              field, "not a known value; expected one of " + constants(format.getTargetType()));
      case ValueInstantiationException instantiation -> refusedByOurChecks(field, instantiation);
      case MismatchedInputException mismatch
          when mismatch.getTargetType() != null && mismatch.getTargetType().isEnum() ->
          new EventFormatException(
              field, "not a known value; expected one of " + constants(mismatch.getTargetType()));
      case MismatchedInputException mismatch ->
          new EventFormatException(field, "missing or of the wrong type");
      default -> new EventFormatException(field, "cannot be read");
    };
  }

  /**
   * The message our own constructors give (they name the field and never echo values). They name it
   * as seen from the record they check ({@code grading.conditions} in a report), so it is joined to
   * the path of that record, which may already end with its first part.
   */
  private static EventFormatException refusedByOurChecks(
      String path, ValueInstantiationException e) {
    Throwable cause = e.getCause();
    String message = cause == null ? null : cause.getMessage();
    if (message == null) {
      return new EventFormatException(path, "cannot be read");
    }
    if (cause instanceof NullPointerException) {
      return FIELD.matcher(message).matches()
          ? new EventFormatException(within(path, message), "required")
          : new EventFormatException(path, "required");
    }
    if (cause instanceof IllegalArgumentException) {
      Matcher fieldAndReason = FIELD_AND_REASON.matcher(message);
      return fieldAndReason.matches()
          ? new EventFormatException(within(path, fieldAndReason.group(1)), fieldAndReason.group(2))
          : new EventFormatException(path, message);
    }
    return new EventFormatException(path, "cannot be read");
  }

  private static String within(String path, String field) {
    String recordName = path.replaceFirst("\\[\\d+]$", "").replaceFirst("^.*\\.", "");
    if (field.equals(recordName)) {
      return path;
    }
    if (field.startsWith(recordName + ".")) {
      return path + field.substring(recordName.length());
    }
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String constants(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(Object::toString)
        .map(name -> enumType == uk.crossline.model.vocabulary.Tlp.class ? labelOf(name) : name)
        .collect(Collectors.joining(", "));
  }

  private static String labelOf(String tlpName) {
    return uk.crossline.model.vocabulary.Tlp.valueOf(tlpName).label();
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
