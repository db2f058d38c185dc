package uk.crossline.model.vocabulary;

/** The four priorities of the North Worcestershire Community Safety Partnership plan. */
public enum Priority {
  REDUCING_VIOLENCE_AND_ABUSE("Reducing violence and abuse"),
  REDUCING_THEFT_AND_ACQUISITIVE_CRIME("Reducing theft and acquisitive crime"),
  REDUCING_ANTI_SOCIAL_BEHAVIOUR("Reducing anti-social behaviour, damage and nuisance"),
  PROTECTING_VULNERABLE_COMMUNITIES("Protecting vulnerable communities");

  private final String label;

  Priority(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
