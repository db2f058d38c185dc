package uk.crossline.model.event;

/** What an event does to a piece of intelligence. */
public enum EventKind {
  REPORT,
  AMENDMENT,
  RETRACTION
}
