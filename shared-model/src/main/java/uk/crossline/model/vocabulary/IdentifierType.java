package uk.crossline.model.vocabulary;

/**
 * Kinds of identifier a report may carry. Only their pseudonym tokens leave an intake; the same
 * identifier normalised alike yields the same token, which is how links are found.
 */
public enum IdentifierType {
  PHONE,
  VEHICLE,
  SOCIAL_MEDIA,
  EMAIL
}
