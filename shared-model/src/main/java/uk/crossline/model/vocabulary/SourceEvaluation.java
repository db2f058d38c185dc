package uk.crossline.model.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** 3x5x2 source evaluation: how far the source can be relied on. */
public enum SourceEvaluation {
  /** 1: reliable. */
  RELIABLE("1", "Reliable"),
  /** 2: untested. */
  UNTESTED("2", "Untested"),
  /** 3: not reliable. */
  NOT_RELIABLE("3", "Not reliable");

  private final String code;
  private final String label;

  SourceEvaluation(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /**
   * The evaluation written as police write it ({@code 1}, {@code 2}, {@code 3}) or by name.
   *
   * @throws IllegalArgumentException listing the accepted values
   */
  @JsonCreator
  public static SourceEvaluation parse(String text) {
    String value = text.trim().toUpperCase(Locale.ROOT);
    for (SourceEvaluation evaluation : values()) {
      if (evaluation.code.equals(value) || evaluation.name().equals(value)) {
        return evaluation;
      }
    }
    throw new IllegalArgumentException(
        "not a source evaluation; use 1 (reliable), 2 (untested) or 3 (not reliable)");
  }
}
