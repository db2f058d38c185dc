package uk.crossline.kit.problem;

import java.io.IOException;

/** A request body that went past the limit for its endpoint while it was being read. */
public final class PayloadTooLargeException extends IOException {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
