package uk.crossline.model.audit;

/**
 * Checks one chain entry by entry, as it is read, keeping only the last entry: a chain of millions
 * of entries, read from the topic or paged from an index, is verified in constant memory. Feed the
 * entries in the order they were read, then ask for the {@link #result()}; it is what {@link
 * AuditChains#verify} gives for the same list.
 */
public final class ChainVerifier {

  private String chain;
  private AuditEntry previous;
  private int position;

  /** The first break found, if one is found; a gap waits for the rest to tell which it is. */
  private ChainVerification.Break found;

  /** A sequence skipped over at the first break: missing if it never comes, else misplaced. */
  private long skipped = -1;

  private boolean skippedSeen;

  /** Takes the next entry of the chain as read. */
  public void add(AuditEntry entry) {
    if (chain == null) {
      chain = entry.chain();
    }
    if (found != null) {
      // Past the first break only one question is left: does the skipped entry come later?
      if (skipped >= 0 && entry.sequence() == skipped) {
        skippedSeen = true;
      }
      position++;
      return;
    }
    long expected = previous == null ? 0 : previous.sequence() + 1;
    found = foreignOrAltered(entry);
    if (found == null && entry.sequence() != expected) {
      if (entry.sequence() > expected) {
        // Every earlier entry was in place, so the expected one can only come later, if at all.
        skipped = expected;
      }
      found = misplaced(entry, expected);
    }
    if (found == null) {
      String linked = previous == null ? AuditEntry.GENESIS : previous.hash();
      if (!entry.previousHash().equals(linked)) {
        found =
            new ChainVerification.Break(
                position,
                entry.sequence(),
                ChainVerification.Problem.LINK_BROKEN,
                "entry "
                    + entry.sequence()
                    + " does not carry the hash of "
                    + (previous == null ? "the chain's start" : "entry " + previous.sequence())
                    + ": an entry was replaced or re-hashed");
      }
    }
    if (found == null) {
      previous = entry;
    }
    position++;
  }

  /** Intact, or the first broken link, of what was added so far. */
  public ChainVerification result() {
    if (chain == null) {
      return ChainVerification.intact("", 0);
    }
    if (found == null) {
      return ChainVerification.intact(chain, position);
    }
    ChainVerification.Break first = found;
    if (skipped >= 0 && !skippedSeen) {
      long missingTo = first.sequence() - 1;
      first =
          new ChainVerification.Break(
              first.position(),
              first.sequence(),
              ChainVerification.Problem.MISSING,
              (skipped == missingTo
                      ? "entry " + skipped + " is"
                      : "entries " + skipped + " to " + missingTo + " are")
                  + " missing before entry "
                  + first.sequence());
    }
    return ChainVerification.broken(chain, first.position(), first);
  }

  private ChainVerification.Break foreignOrAltered(AuditEntry entry) {
    if (!entry.chain().equals(chain)) {
      return new ChainVerification.Break(
          position,
          entry.sequence(),
          ChainVerification.Problem.FOREIGN,
          "the entry at position " + position + " belongs to another chain");
    }
    if (!entry.isSealedCorrectly()) {
      return new ChainVerification.Break(
          position,
          entry.sequence(),
          ChainVerification.Problem.ALTERED,
          "entry " + entry.sequence() + " was changed after it was written");
    }
    return null;
  }

  /** Out of its place; {@link #result()} turns it into a gap if the skipped entry never comes. */
  private ChainVerification.Break misplaced(AuditEntry entry, long expected) {
    return new ChainVerification.Break(
        position,
        entry.sequence(),
        ChainVerification.Problem.REORDERED,
        "entry " + entry.sequence() + " is where entry " + expected + " should be");
  }
}
