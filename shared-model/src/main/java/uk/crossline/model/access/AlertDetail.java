package uk.crossline.model.access;

/** How much of an event an agency's alerts may carry, as its agreement says. */
public enum AlertDetail {
  /** No alerts. */
  NONE("none"),
  /**
   * That an event of a category, priority and marking was observed in a district on a day: no
   * summary, ward, postcode, point, premises, subjects, identifiers or grading.
   */
  DISTRICT("district"),
  /** What search would show the subscriber (its {@link FieldAccess} applies). */
  FULL("full");

  private final String label;

  AlertDetail(String label) {
    this.label = label;
  }

  /** As written in the partnership file. */
  public String label() {
    return label;
  }
}
