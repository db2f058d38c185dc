package uk.crossline.model.vocabulary;

/** 3x5x2 intelligence assessment: how the source came to know what it reports. */
public enum IntelligenceAssessment {
  A("Known directly to the source"),
  B("Known indirectly to the source but corroborated"),
  C("Known indirectly to the source"),
  D("Not known"),
  E("Suspected to be false");

  private final String label;

  IntelligenceAssessment(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
