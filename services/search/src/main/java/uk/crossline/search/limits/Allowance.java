package uk.crossline.search.limits;

/**
 * Which allowance a request is counted against. Look-ups are stricter: the caller chooses the key
 * (a phone number, a premises) and learns even of events it may not see (hit / no-hit), so they are
 * what bulk fishing uses.
 */
public enum Allowance {
  /** Searches, the map, one event, its links and the statistics. */
  SEARCH,
  /** Identifier and premises look-ups. */
  LOOKUP;

  /** The word for it in a refusal. */
  String words() {
    return switch (this) {
      case SEARCH -> "searches";
      case LOOKUP -> "look-ups";
    };
  }
}
