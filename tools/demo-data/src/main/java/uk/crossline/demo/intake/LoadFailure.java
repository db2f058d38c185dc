package uk.crossline.demo.intake;

/** The intake or the identity provider could not be used at all: nothing more can be loaded. */
public final class LoadFailure extends RuntimeException {

  LoadFailure(String message) {
    super(message);
  }

  LoadFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
