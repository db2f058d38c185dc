package uk.crossline.model.pseudonymisation;

import java.io.Serial;
import java.util.Objects;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * An identifier that cannot be normalised. The message says what is wrong with it but never repeats
 * it: the raw value is personal data and exception messages end up in logs.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {

  @Serial private static final long serialVersionUID = 1L;

  private final IdentifierType type;
  private final String reason;

  InvalidIdentifierException(IdentifierType type, String reason) {
    super(Objects.requireNonNull(type, "type") + " identifier " + reason);
    this.type = type;
    this.reason = reason;
  }

  public IdentifierType type() {
    return type;
  }

  /** What is wrong, without the type, for a problem detail that names the field itself. */
  public String reason() {
    return reason;
  }
}
