package uk.crossline.intake.bulk;

/** An upload that cannot be read on from some point: the rows before it have been handled. */
final class InvalidUploadException extends RuntimeException {

  private final int row;

  /**
   * @param row the row (as the answer numbers rows) where reading stopped
   */
  InvalidUploadException(int row, String message) {
    super(message, null, false, false);
    this.row = row;
  }

  int row() {
    return row;
  }
}
