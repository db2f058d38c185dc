package uk.crossline.model.access;

/** How an agency takes part in the hub, as the partnership file says it. */
public enum Membership {
  /** A member of the partnership. */
  MEMBER("member"),
  /** A council next to the partnership's area, outside it. */
  NEIGHBOUR("neighbour"),
  /** A police force next to the partnership's area, outside it. */
  NEIGHBOURING_FORCE("neighbouring-force");

  private final String label;

  Membership(String label) {
    this.label = label;
  }

  /** As written in the partnership file. */
  public String label() {
    return label;
  }

  public boolean isMember() {
    return this == MEMBER;
  }
}
