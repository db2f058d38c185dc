package uk.crossline.model.pseudonymisation;

import java.util.Optional;

/**
 * A stretch of text one redaction rule claims: to replace it with a marker, or, without a marker,
 * to shield it from every rule of lower precedence (a kept premises address, a recent date).
 */
record Finding(int start, int end, Rule rule, Optional<String> marker) {

  /** The rules in order of precedence: where two claims overlap, the earlier rule wins. */
  enum Rule {
    KEEP,
    EMAIL,
    DATE,
    PHONE,
    POSTCODE,
    VEHICLE,
    HANDLE,
    NAME
  }

  Finding {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a finding covers at least one character");
    }
  }

  static Finding redact(int start, int end, Rule rule, String marker) {
    return new Finding(start, end, rule, Optional.of(marker));
  }

  static Finding shield(int start, int end, Rule rule) {
    return new Finding(start, end, rule, Optional.empty());
  }

  int length() {
    return end - start;
  }
}
