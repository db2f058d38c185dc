package uk.crossline.portal.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a CSV from running as formulas in a spreadsheet (CSV injection): any field that starts with
 * {@code =}, {@code +}, {@code -}, {@code @} (or their full-width forms), a tab or a carriage
 * return is prefixed with {@code '} so it opens as text, as OWASP advises. The statistics API's CSV
 * holds only vocabulary keys, months and counts, so today nothing changes; this holds should a
 * label or note ever carry such text. Comment lines ({@code #}) are left alone: they start with
 * {@code #}.
 */
final class CsvGuard {

  /**
   * What a spreadsheet may run, and the full-width forms of the same signs, which some spreadsheets
   * (with East Asian input) read as the ASCII ones.
   */
  private static final String DANGEROUS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

  private CsvGuard() {}

  static String guard(String csv) {
    StringBuilder out = new StringBuilder(csv.length());
    int start = 0;
    while (start < csv.length()) {
      int end = csv.indexOf('\n', start);
      int next = end < 0 ? csv.length() : end + 1;
      String line = csv.substring(start, next);
      out.append(line.startsWith("#") ? line : guardLine(line));
      start = next;
    }
    return out.toString();
  }

  static boolean dangerous(String field) {
    String bare = field.startsWith("\"") ? field.substring(1) : field;
    return !bare.isEmpty() && DANGEROUS.indexOf(bare.charAt(0)) >= 0 && !isLineEnd(bare);
  }

  private static boolean isLineEnd(String bare) {
    return bare.equals("\r\n") || bare.equals("\r") || bare.equals("\n");
  }

  /** The line's fields split on commas outside quotes, each guarded, joined again. */
  private static String guardLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    List<String> guarded = new ArrayList<>();
    for (String f : fields) {
      if (!dangerous(f)) {
        guarded.add(f);
      } else if (f.startsWith("\"")) {
        guarded.add("\"'" + f.substring(1));
      } else {
        guarded.add("'" + f);
      }
    }
    return String.join(",", guarded);
  }
}
