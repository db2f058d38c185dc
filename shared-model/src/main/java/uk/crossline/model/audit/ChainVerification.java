package uk.crossline.model.audit;

import java.util.Optional;

/**
 * What checking one chain found: intact, or the first place it is broken.
 *
 * @param chain the chain checked (empty for an empty list)
 * @param entriesChecked how many entries were found intact before the first break (all of them when
 *     intact)
 * @param firstBreak the first broken link, if any
 */
public record ChainVerification(String chain, int entriesChecked, Optional<Break> firstBreak) {

  /** How a chain can be broken. */
  public enum Problem {
    /** The entry's fields no longer give its hash: it was changed after it was written. */
    ALTERED,
    /** Entries are missing before this one (deleted, or the list starts after 0). */
    MISSING,
    /** This entry is out of its place: entries were moved or repeated. */
    REORDERED,
    /**
     * The entry is sealed correctly but does not carry the hash of the entry before it: an entry
     * was replaced by a forged one, re-hashed so it looks whole.
     */
    LINK_BROKEN,
    /** The entry belongs to another chain. */
    FOREIGN
  }

  /**
   * @param position the index in the list checked
   * @param sequence the sequence the entry there carries
   * @param problem what is wrong
   * @param detail a sentence for the auditor, naming sequences and never content
   */
  public record Break(int position, long sequence, Problem problem, String detail) {}

  public boolean isIntact() {
    return firstBreak.isEmpty();
  }

  static ChainVerification intact(String chain, int entries) {
    return new ChainVerification(chain, entries, Optional.empty());
  }

  static ChainVerification broken(String chain, int position, Break firstBreak) {
    return new ChainVerification(chain, position, Optional.of(firstBreak));
  }
}
