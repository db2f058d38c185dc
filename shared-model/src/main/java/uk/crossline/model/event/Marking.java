package uk.crossline.model.event;

import java.util.Objects;
import uk.crossline.model.vocabulary.Classification;
import uk.crossline.model.vocabulary.Tlp;

/**
 * How a report is marked: its TLP 2.0 colour, which decides who sees it, and its Government
 * Security Classification with the OFFICIAL-SENSITIVE handling caveat where it applies.
 */
public record Marking(Tlp tlp, Classification classification, boolean sensitive) {

  public Marking {
    Objects.requireNonNull(tlp, "marking.tlp");
    Objects.requireNonNull(classification, "marking.classification");
  }

  public static Marking official(Tlp tlp) {
    return new Marking(tlp, Classification.OFFICIAL, false);
  }

  /** {@code OFFICIAL} or {@code OFFICIAL-SENSITIVE}, as shown beside the TLP colour. */
  public String classificationLabel() {
    return sensitive ? classification.name() + "-SENSITIVE" : classification.name();
  }
}
