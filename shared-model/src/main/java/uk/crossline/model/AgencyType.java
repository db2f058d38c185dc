package uk.crossline.model;

/** The kinds of agency in a partnership; data sharing agreements are written per type. */
public enum AgencyType {
  POLICE,
  TRADING_STANDARDS,
  EDUCATION,
  YOUTH_SERVICES,
  LOCAL_AUTHORITY
}
