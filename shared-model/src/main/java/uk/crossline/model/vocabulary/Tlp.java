package uk.crossline.model.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Traffic Light Protocol 2.0 marking. {@code WHITE}, from TLP 1.0 systems, is read as CLEAR. */
public enum Tlp {
  CLEAR("CLEAR"),
  GREEN("GREEN"),
  AMBER("AMBER"),
  AMBER_STRICT("AMBER+STRICT"),
  RED("RED");

  private final String label;

  Tlp(String label) {
    this.label = label;
  }

  /** As written in TLP 2.0: {@code TLP:AMBER+STRICT} is {@code AMBER+STRICT}. */
  @JsonValue
  public String label() {
    return label;
  }

  /**
   * The marking written in any usual form: {@code AMBER+STRICT}, {@code amber_strict}, {@code
   * TLP:RED}, or the older {@code WHITE}.
   *
   * @throws IllegalArgumentException listing the accepted markings
   */
  @JsonCreator
  public static Tlp parse(String text) {
    String value = text.trim().toUpperCase(Locale.ROOT);
    if (value.startsWith("TLP:")) {
      value = value.substring(4);
    }
    if (value.equals("WHITE")) {
      return CLEAR;
    }
    for (Tlp tlp : values()) {
      if (tlp.label.equals(value) || tlp.name().equals(value)) {
        return tlp;
      }
    }
    throw new IllegalArgumentException(
        "not a TLP marking; use CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
  }
}
