package uk.crossline.intake.bulk;

/** An upload that cannot be read on from some point: the rows before it have been handled. */
final class InvalidUploadException extends RuntimeException {

  InvalidUploadException(String message) {
    super(message, null, false, false);
  }
}
