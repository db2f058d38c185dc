package uk.crossline.model.vocabulary;

/** The partnership's cross-cutting themes, which run across the priorities. */
public enum Theme {
  DRUG_AND_ALCOHOL_HARM("Reducing the harm caused by drug and alcohol misuse"),
  REOFFENDING("Reducing reoffending");

  private final String label;

  Theme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
