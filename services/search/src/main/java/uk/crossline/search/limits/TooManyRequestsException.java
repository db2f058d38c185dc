package uk.crossline.search.limits;

/** A request over its allowance, refused before its handler ran. */
final class TooManyRequestsException extends RuntimeException {

  private final RateLimiter.Refused refusal;

  TooManyRequestsException(RateLimiter.Refused refusal) {
    super(null, null, false, false);
    this.refusal = refusal;
  }

  RateLimiter.Refused refusal() {
    return refusal;
  }
}
