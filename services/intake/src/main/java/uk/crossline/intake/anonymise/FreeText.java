package uk.crossline.intake.anonymise;

import java.text.Normalizer;

/**
 * Free text as it is stored and shown: read as NFKC (so full-width digits are digits, and a phone
 * number written in them is redacted like any other), with the digits of every script written as
 * 0-9 (a phone number or a date of birth in Arabic-Indic or Bengali digits is one too, and the
 * redactor's patterns know 0-9 only), without invisible formatting characters (zero-width spaces
 * and joiners, bidi overrides and isolates, byte order marks, soft hyphens: they hide a number from
 * redaction or make text read differently from what it holds), without control characters other
 * than line breaks and tabs, with unpaired surrogates as U+FFFD and line breaks as {@code \n}.
 * Everything else is kept as written: markup, formulas and query syntax are only text here, and
 * each reader escapes them for where it shows them.
 */
final class FreeText {

  private static final char REPLACEMENT = '\uFFFD';

  private FreeText() {}

  static String clean(String text) {
    var kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (c == '\r') {
        if (next >= text.length() || text.charAt(next) != '\n') {
          kept.append('\n');
        }
      } else if (c == '\n' || c == '\t') {
        kept.append((char) c);
      } else {
        switch (Character.getType(c)) {
          case Character.CONTROL, Character.FORMAT -> {}
          case Character.SURROGATE -> kept.append(REPLACEMENT);
          case Character.DECIMAL_DIGIT_NUMBER -> kept.append((char) ('0' + Character.digit(c, 10)));
          default -> kept.appendCodePoint(c);
        }
      }
      i = next;
    }
    return Normalizer.normalize(kept, Normalizer.Form.NFKC).strip();
  }
}
