package uk.crossline.model.vocabulary;

/** 3x5x2 handling code: whether the intelligence may be shared, and on what terms. */
public enum HandlingCode {
  /** P: lawful sharing permitted. */
  P("Lawful sharing permitted"),
  /** C: sharing permitted with conditions, whose text must accompany it. */
  C("Sharing permitted with conditions");

  private final String label;

  HandlingCode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
