package uk.crossline.model.policy;

/**
 * A policy file that cannot be used, naming the file, the key at fault (e.g. {@code
 * review-periods.CUCKOOING}) and the reason. A service refuses to start on one rather than guess.
 */
public final class PolicyFormatException extends IllegalArgumentException {

  private final String file;
  private final String key;
  private final String reason;

  public PolicyFormatException(String file, String key, String reason) {
    super(file + (key.isEmpty() ? "" : ": " + key) + ": " + reason);
    this.file = file;
    this.key = key;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** The dotted path of the key at fault, or empty when the file as a whole is wrong. */
  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }
}
