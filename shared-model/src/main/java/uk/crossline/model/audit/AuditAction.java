package uk.crossline.model.audit;

/**
 * What was done, as the access log names it. A consultation reads intelligence and needs a purpose;
 * a disclosure sends it to someone; maintenance changes what the hub holds.
 */
public enum AuditAction {
  SEARCH(Kind.CONSULTATION),
  VIEW(Kind.CONSULTATION),
  LINK_LOOKUP(Kind.CONSULTATION),
  IDENTIFIER_LOOKUP(Kind.CONSULTATION),
  PREMISES_LOOKUP(Kind.CONSULTATION),
  EXPORT(Kind.CONSULTATION),
  STATISTICS(Kind.CONSULTATION),
  /** An auditor reading the access log: staff's own activity is personal data too. */
  AUDIT_LOG_SEARCH(Kind.CONSULTATION),
  /** An agency that got a hit but may not see the event asks its originator for access. */
  ACCESS_REQUEST(Kind.CONSULTATION),
  /** The originator grants or refuses an access request: a grant discloses the event. */
  ACCESS_DECISION(Kind.DISCLOSURE),
  ALERT_DELIVERY(Kind.DISCLOSURE),
  /** A subscription created, changed or ended: it decides what will be disclosed later. */
  SUBSCRIPTION_CHANGE(Kind.DISCLOSURE),
  RETENTION_DELETION(Kind.MAINTENANCE),
  PROJECTION_REBUILD(Kind.MAINTENANCE);

  /** Why the action is logged, which decides what the entry must say. */
  public enum Kind {
    CONSULTATION,
    DISCLOSURE,
    MAINTENANCE
  }

  private final Kind kind;

  AuditAction(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** A consultation always needs a purpose, whoever makes it (DESIGN.md, Audit). */
  public boolean isConsultation() {
    return kind == Kind.CONSULTATION;
  }
}
