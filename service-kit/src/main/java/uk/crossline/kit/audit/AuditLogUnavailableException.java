package uk.crossline.kit.audit;

/**
 * The access log could not take an entry in time: the caller must not answer (fail closed), and
 * should report the service as unavailable rather than the request as wrong.
 */
public final class AuditLogUnavailableException extends RuntimeException {

  public AuditLogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
