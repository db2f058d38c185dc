package uk.crossline.intake.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.JsonProblems;

/**
 * Reads an upload row by row into the JSON the single-report endpoint takes, so a row is checked
 * exactly as a single report would be.
 *
 * <p>CSV columns are the form's JSON fields, nested ones dotted ({@code observedAt.at}, {@code
 * where.postcode}, {@code grading.source}). Lists are separated by {@code ;}: {@code indicators},
 * {@code marking.shareWithAgencies}, {@code marking.shareWithAgencyTypes}; {@code identifiers} as
 * {@code PHONE:07700 900123;DEAL_LINE:07700 900456;VEHICLE:AB12 CDE}; {@code subjects} as {@code
 * YOUNG_PERSON:AGE_14_TO_15;SUSPECT}. Empty cells are left out.
 */
final class RowReader {

  /** A row read, or why it could not be. */
  sealed interface Row {
    int number();

    record Read(int number, JsonNode json) implements Row {}

    record Unreadable(int number, FieldProblem problem) implements Row {}
  }

  private static final java.util.Set<String> LIST_COLUMNS =
      java.util.Set.of("indicators", "marking.shareWithAgencies", "marking.shareWithAgencyTypes");

  private final JsonMapper json;
  private final CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.TRIM_SPACES).build();

  RowReader(JsonMapper json) {
    this.json = json;
  }

  /**
   * Each line is decoded on its own, so a line that is not UTF-8 is one refused row and the lines
   * around it are read as usual (a line feed byte never occurs inside a UTF-8 sequence).
   */
  void ndjson(InputStream in, Consumer<Row> rows) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (var lines = new java.io.BufferedInputStream(in)) {
      var line = new java.io.ByteArrayOutputStream();
      int number = 0;
      boolean more = true;
      while (more) {
        more = readLine(lines, line);
        if (!more && line.size() == 0) {
          break;
        }
        number++;
        String text;
        try {
          text = decoder.decode(java.nio.ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
          rows.accept(new Row.Unreadable(number, new FieldProblem("", "not valid UTF-8")));
          continue;
        } finally {
          line.reset();
        }
        if (text.isBlank()) {
          continue;
        }
        try {
          JsonNode json = this.json.readTree(text);
          rows.accept(
              json.isObject()
                  ? new Row.Read(number, json)
                  : new Row.Unreadable(
                      number, new FieldProblem("", "each line must be one JSON object")));
        } catch (JacksonException e) {
          rows.accept(new Row.Unreadable(number, JsonProblems.explain(e)));
        }
      }
    }
  }

  /** Reads up to the next line feed; false at the end of the stream. */
  private static boolean readLine(java.io.InputStream in, java.io.ByteArrayOutputStream line)
      throws IOException {
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        return true;
      }
      line.write(b);
    }
    return false;
  }

  /**
   * Decoded by the JDK, which reads bytes that are not UTF-8 as U+FFFD: the CSV parser's own
   * decoder would take overlong and surrogate encodings (an overlong {@code /} or {@code 0}) as the
   * characters they disguise, and refusing instead would stop the file at whichever buffer held the
   * bad byte. A U+FFFD in text is stored as it is; in an identifier or a vocabulary word it refuses
   * that row.
   */
  void csv(InputStream in, Consumer<Row> rows) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    MappingIterator<Map<String, String>> opened;
    try {
      opened =
          csv.readerFor(Map.class)
              .with(schema)
              .readValues(new java.io.InputStreamReader(in, decoder));
    } catch (JacksonException e) {
      throw new InvalidUploadException(1, "the CSV's header cannot be read (check its quoting)");
    }
    try (MappingIterator<Map<String, String>> iterator = opened) {
      int number = 1;
      while (true) {
        Map<String, String> cells;
        try {
          if (!iterator.hasNextValue()) {
            break;
          }
          cells = iterator.nextValue();
        } catch (JacksonException e) {
          // Rows are numbered as a spreadsheet shows them: the header is row 1.
          throw new InvalidUploadException(
              number + 1, "the CSV cannot be read from this row on (check quoting and columns)");
        }
        number++;
        try {
          rows.accept(new Row.Read(number, toJson(cells)));
        } catch (IllegalArgumentException e) {
          rows.accept(new Row.Unreadable(number, problemOf(e)));
        }
      }
    }
  }

  private static FieldProblem problemOf(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    int colon = message.indexOf(':');
    return colon < 0
        ? new FieldProblem("", message)
        : new FieldProblem(message.substring(0, colon), message.substring(colon + 1).strip());
  }

  static ObjectNode toJson(Map<String, String> cells) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> cell : cells.entrySet()) {
      String column = cell.getKey().strip();
      String value = cell.getValue() == null ? "" : cell.getValue().strip();
      if (value.isEmpty() || column.isEmpty()) {
        continue;
      }
      switch (column) {
        case "identifiers" -> row.set("identifiers", identifiers(value));
        case "subjects" -> row.set("subjects", subjects(value));
        default -> {
          if (LIST_COLUMNS.contains(column)) {
            put(row, column, list(value));
          } else {
            put(row, column, JsonNodeFactory.instance.stringNode(value));
          }
        }
      }
    }
    return row;
  }

  private static void put(ObjectNode row, String dottedPath, JsonNode value) {
    String[] parts = dottedPath.split("\\.");
    ObjectNode node = row;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], value);
  }

  private static ArrayNode list(String value) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String item : value.split(";")) {
      if (!item.isBlank()) {
        array.add(item.strip());
      }
    }
    return array;
  }

  private static ArrayNode identifiers(String value) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String item : value.split(";")) {
      if (item.isBlank()) {
        continue;
      }
      int colon = item.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("identifiers: write each as TYPE:value");
      }
      String type = item.substring(0, colon).strip();
      ObjectNode identifier = array.addObject();
      boolean dealLine = type.equals("DEAL_LINE");
      identifier.put("type", dealLine ? "PHONE" : type);
      identifier.put("value", item.substring(colon + 1).strip());
      identifier.put("dealLine", dealLine);
    }
    return array;
  }

  private static ArrayNode subjects(String value) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String item : value.split(";")) {
      if (item.isBlank()) {
        continue;
      }
      String[] parts = item.strip().split(":");
      ObjectNode subject = array.addObject();
      subject.put("role", parts[0].strip());
      if (parts.length > 1) {
        subject.put("ageBand", parts[1].strip());
      }
    }
    return array;
  }
}
