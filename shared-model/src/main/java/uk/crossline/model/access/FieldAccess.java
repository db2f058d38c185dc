package uk.crossline.model.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the restricted {@linkplain FieldGroup field groups} a caller sees in the events it may
 * see; everything else of a visible event it sees whole, handling conditions included.
 */
public record FieldAccess(Set<FieldGroup> visible) {

  public FieldAccess {
    visible = visible.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(visible));
  }

  public static FieldAccess none() {
    return new FieldAccess(Set.of());
  }

  public boolean sees(FieldGroup group) {
    return visible.contains(group);
  }

  public boolean identifierTokens() {
    return sees(FieldGroup.IDENTIFIER_TOKENS);
  }

  public boolean subjectTokens() {
    return sees(FieldGroup.SUBJECT_TOKENS);
  }

  public boolean gradingDetail() {
    return sees(FieldGroup.GRADING_DETAIL);
  }

  /**
   * The document fields to leave out of what the caller gets (e.g. as Elasticsearch's {@code
   * _source.excludes}). The caller may still search by them: a typed phone number is tokenised and
   * matched, the token is not returned.
   */
  public List<String> hiddenDocumentFields() {
    return Arrays.stream(FieldGroup.values())
        .filter(group -> !sees(group))
        .flatMap(group -> group.documentFields().stream())
        .toList();
  }
}
