package uk.crossline.search.audit;

/**
 * The index refused one record for what it is, or another record already holds its place in its
 * chain: retrying will not help, so it goes to the dead-letter topic and the copy goes on.
 */
final class AuditRecordRejectedException extends RuntimeException {

  private final int position;

  AuditRecordRejectedException(int position, String reason) {
    super(reason);
    this.position = position;
  }

  /** The record's place in its batch. */
  int position() {
    return position;
  }
}
