package uk.crossline.model.vocabulary;

/**
 * Why a report is withdrawn. A code, not free text: a retraction carries nothing of the report it
 * withdraws, so free text there could not be redacted of the names the report held.
 */
public enum RetractionReason {
  ENTERED_IN_ERROR,
  DUPLICATE,
  INACCURATE,
  SOURCE_WITHDRAWN,
  NO_LONGER_RELEVANT
}
