package uk.crossline.model.vocabulary;

import java.util.Set;

/**
 * What a report is about. Each category serves one partnership priority and may touch the
 * cross-cutting themes; the mapping is fixed here so statistics group alike everywhere.
 */
public enum Category {
  VAPE_SUPPLY_TO_MINORS(
      "Vape supply to minors",
      Priority.PROTECTING_VULNERABLE_COMMUNITIES,
      true,
      Theme.DRUG_AND_ALCOHOL_HARM),
  ILLICIT_VAPES(
      "Illicit or non-compliant vapes", Priority.REDUCING_THEFT_AND_ACQUISITIVE_CRIME, true),
  GROOMING_TACTIC(
      "Grooming tactic",
      Priority.PROTECTING_VULNERABLE_COMMUNITIES,
      false,
      Theme.DRUG_AND_ALCOHOL_HARM),
  CUCKOOING(
      "Cuckooing", Priority.PROTECTING_VULNERABLE_COMMUNITIES, true, Theme.DRUG_AND_ALCOHOL_HARM),
  DEAL_LINE("Deal line", Priority.REDUCING_VIOLENCE_AND_ABUSE, false, Theme.DRUG_AND_ALCOHOL_HARM),
  DRUG_DEALING(
      "Drug dealing",
      Priority.REDUCING_VIOLENCE_AND_ABUSE,
      true,
      Theme.DRUG_AND_ALCOHOL_HARM,
      Theme.REOFFENDING),
  MISSING_EPISODE("Missing episode", Priority.PROTECTING_VULNERABLE_COMMUNITIES, false),
  EXPLOITATION_CONCERN(
      "Exploitation concern",
      Priority.PROTECTING_VULNERABLE_COMMUNITIES,
      false,
      Theme.DRUG_AND_ALCOHOL_HARM),
  WEAPONS("Weapons", Priority.REDUCING_VIOLENCE_AND_ABUSE, false, Theme.REOFFENDING),
  VIOLENCE("Violence", Priority.REDUCING_VIOLENCE_AND_ABUSE, false, Theme.REOFFENDING),
  ANTI_SOCIAL_BEHAVIOUR("Anti-social behaviour", Priority.REDUCING_ANTI_SOCIAL_BEHAVIOUR, true);

  private final String label;
  private final Priority priority;
  private final boolean premisesRelated;
  private final Set<Theme> themes;

  Category(String label, Priority priority, boolean premisesRelated, Theme... themes) {
    this.label = label;
    this.priority = priority;
    this.premisesRelated = premisesRelated;
    this.themes = Set.of(themes);
  }

  public String label() {
    return label;
  }

  /** The partnership priority this category serves. */
  public Priority priority() {
    return priority;
  }

  /** The cross-cutting themes this category touches. */
  public Set<Theme> themes() {
    return themes;
  }

  /**
   * Whether reports of this category may concern a premises (a shop, a flat used for dealing), so
   * that trading standards' agreement can be written in terms of it.
   */
  public boolean premisesRelated() {
    return premisesRelated;
  }
}
