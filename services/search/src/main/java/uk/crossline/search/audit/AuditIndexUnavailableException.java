package uk.crossline.search.audit;

/** Elasticsearch cannot take the batch now (down, overloaded): retry later, commit nothing. */
final class AuditIndexUnavailableException extends RuntimeException {

  AuditIndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
