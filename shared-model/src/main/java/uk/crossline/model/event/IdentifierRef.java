package uk.crossline.model.event;

import java.util.Objects;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * An identifier seen in a report, as its pseudonym token only.
 *
 * @param dealLine the phone number is used as a deal line (the number customers ring to order)
 */
public record IdentifierRef(IdentifierType type, PseudonymToken token, boolean dealLine) {

  public IdentifierRef {
    Objects.requireNonNull(type, "identifiers.type");
    Objects.requireNonNull(token, "identifiers.token");
    if (dealLine && type != IdentifierType.PHONE) {
      throw new IllegalArgumentException("only a PHONE identifier can be a deal line");
    }
  }
}
