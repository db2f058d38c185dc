package uk.crossline.model.vocabulary;

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
}
