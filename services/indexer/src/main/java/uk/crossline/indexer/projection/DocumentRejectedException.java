package uk.crossline.indexer.projection;

/**
 * Elasticsearch refused one document for what it is (a mapping conflict, say): retrying will not
 * help, so it goes to the dead-letter topic and the stream goes on.
 *
 * @see #position() the position of the record in the batch
 */
public final class DocumentRejectedException extends RuntimeException {

  private final int position;

  public DocumentRejectedException(int position, String reason) {
    super(reason);
    this.position = position;
  }

  public int position() {
    return position;
  }
}
