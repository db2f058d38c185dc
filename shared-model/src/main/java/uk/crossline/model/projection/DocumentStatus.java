package uk.crossline.model.projection;

/**
 * Whether a document is live intelligence or the tombstone of a retracted report. Search sees
 * ACTIVE documents only; tombstones stay for the audit.
 */
public enum DocumentStatus {
  ACTIVE,
  RETRACTED
}
