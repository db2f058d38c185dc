package uk.crossline.model.access;

import java.util.List;

/**
 * Fields of an event that only some callers see (the partnership file's {@code field-access}).
 * Handling conditions are not among them: they go with every hit they apply to, to everyone who
 * sees it.
 */
public enum FieldGroup {
  /** The pseudonym tokens of phones, vehicles, handles and emails, from which links are made. */
  IDENTIFIER_TOKENS("identifier-tokens", List.of("identifiers.token")),
  /** The pseudonym tokens of the people in a report. */
  SUBJECT_TOKENS("subject-tokens", List.of("subjects.token")),
  /** The 3x5x2 source evaluation, intelligence assessment and handling code. */
  GRADING_DETAIL(
      "grading-detail", List.of("grading.source", "grading.intelligence", "grading.handling"));

  private final String label;
  private final List<String> documentFields;

  FieldGroup(String label, List<String> documentFields) {
    this.label = label;
    this.documentFields = documentFields;
  }

  /** As written in the partnership file. */
  public String label() {
    return label;
  }

  /** The fields of the projection document that belong to the group. */
  public List<String> documentFields() {
    return documentFields;
  }
}
