package uk.crossline.model.access;

/**
 * The fields of a projection document that access depends on, as {@code IntelligenceDocuments}
 * writes them and {@code infra/elasticsearch/index-templates/crossline-intelligence.json} maps them
 * (all keywords). A test holds these names against both.
 */
final class Fields {

  static final String STATUS = "status";
  static final String AGENCY_ID = "agency.id";
  static final String TLP = "marking.tlp";
  static final String SCOPE_AGENCIES = "scope.agencies";
  static final String SCOPE_AGENCY_TYPES = "scope.agencyTypes";
  static final String CATEGORY = "category";
  static final String GRANTS = "grants";

  /** The agencies the event reaches, as stamps of the policy that worked them out. */
  static final String REACH = "reach";

  /** Which policy wrote {@link #REACH}. */
  static final String REACH_POLICY = "reachPolicy";

  private Fields() {}
}
