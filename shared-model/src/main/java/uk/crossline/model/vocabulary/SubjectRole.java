package uk.crossline.model.vocabulary;

/** The part a person plays in a report. Names are never kept; a pseudonym token may be. */
public enum SubjectRole {
  YOUNG_PERSON,
  VULNERABLE_ADULT,
  SUSPECT,
  ASSOCIATE,
  WITNESS,
  PREMISES_STAFF
}
