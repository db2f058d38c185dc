package uk.crossline.model.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that an access-log chain is whole, as an auditor or a scheduled check would. */
public final class AuditChains {

  private AuditChains() {}

  /**
   * Checks the entries of one chain, in the order they were read (the topic keeps a chain on one
   * partition, in order), from its first entry on.
   *
   * <p>A chain that merely stops early (its newest entries cut off) verifies: only its writer knows
   * how far it got, so compare its last sequence with the writer's own count where that matters.
   *
   * @return intact, or the first broken link
   */
  public static ChainVerification verify(List<AuditEntry> ofOneChain) {
    if (ofOneChain.isEmpty()) {
      return ChainVerification.intact("", 0);
    }
    String chain = ofOneChain.getFirst().chain();
    Set<Long> sequencesPresent = new HashSet<>();
    ofOneChain.forEach(entry -> sequencesPresent.add(entry.sequence()));
    AuditEntry previous = null;
    for (int position = 0; position < ofOneChain.size(); position++) {
      AuditEntry entry = ofOneChain.get(position);
      long expected = previous == null ? 0 : previous.sequence() + 1;
      ChainVerification.Break found = foreignOrAltered(chain, position, entry);
      if (found == null && entry.sequence() != expected) {
        found = outOfPlace(position, entry, expected, sequencesPresent);
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
      if (found != null) {
        return ChainVerification.broken(chain, position, found);
      }
      previous = entry;
    }
    return ChainVerification.intact(chain, ofOneChain.size());
  }

  private static ChainVerification.Break foreignOrAltered(
      String chain, int position, AuditEntry entry) {
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

  /** A sequence that is not the next one: a gap if the next never comes, else moved or repeated. */
  private static ChainVerification.Break outOfPlace(
      int position, AuditEntry entry, long expected, Set<Long> sequencesPresent) {
    if (entry.sequence() > expected && !sequencesPresent.contains(expected)) {
      long missingTo = entry.sequence() - 1;
      return new ChainVerification.Break(
          position,
          entry.sequence(),
          ChainVerification.Problem.MISSING,
          (expected == missingTo
                  ? "entry " + expected + " is"
                  : "entries " + expected + " to " + missingTo + " are")
              + " missing before entry "
              + entry.sequence());
    }
    return new ChainVerification.Break(
        position,
        entry.sequence(),
        ChainVerification.Problem.REORDERED,
        "entry " + entry.sequence() + " is where entry " + expected + " should be");
  }
}
