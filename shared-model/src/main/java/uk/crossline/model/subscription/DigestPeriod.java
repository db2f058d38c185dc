package uk.crossline.model.subscription;

/** How often a subscriber who asked for digests instead of single alerts receives one. */
public enum DigestPeriod {
  /** At the top of every hour, of the alerts matched in the hour before. */
  HOURLY,
  /** Once a day at the hub's digest time (07:00 UK time unless set otherwise). */
  DAILY
}
