package uk.crossline.indexer.projection;

/** Elasticsearch cannot take the batch now (down, overloaded): retry later, commit nothing. */
public final class ProjectionUnavailableException extends RuntimeException {

  public ProjectionUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
