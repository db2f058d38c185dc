package uk.crossline.model.location;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one table of the gazetteer: {@code #} comment lines, then a header, then plain
 * comma-separated rows. The data never needs commas inside a field, so there is no quoting to get
 * wrong, and the header is checked so a reordered file fails at start-up instead of misplacing
 * every ward.
 */
final class GazetteerCsv {

  private GazetteerCsv() {}

  record Row(String table, int line, List<String> fields) {

    String get(int column) {
      return fields.get(column);
    }

    double number(int column) {
      try {
        return Double.parseDouble(fields.get(column));
      } catch (NumberFormatException e) {
        throw fail("column " + (column + 1) + " must be a number");
      }
    }

    List<String> list(int column) {
      var text = fields.get(column);
      if (text.isEmpty()) {
        return List.of();
      }
      return List.of(text.split(";", -1)).stream().map(String::strip).toList();
    }

    IllegalStateException fail(String reason) {
      return new IllegalStateException("gazetteer " + table + " line " + line + ": " + reason);
    }
  }

  static List<Row> read(String table, String text, List<String> header) {
    var rows = new ArrayList<Row>();
    var headerSeen = false;
    var lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      var fields = List.of(line.split(",", -1)).stream().map(String::strip).toList();
      var row = new Row(table, i + 1, fields);
      if (!headerSeen) {
        if (!fields.equals(header)) {
          throw row.fail("header must be " + String.join(",", header));
        }
        headerSeen = true;
        continue;
      }
      if (fields.size() != header.size()) {
        throw row.fail("expected " + header.size() + " columns but found " + fields.size());
      }
      rows.add(row);
    }
    if (!headerSeen) {
      throw new IllegalStateException("gazetteer " + table + " has no header");
    }
    return rows;
  }
}
