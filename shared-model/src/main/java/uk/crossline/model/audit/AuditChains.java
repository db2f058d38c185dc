package uk.crossline.model.audit;

import java.util.List;

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
    ChainVerifier verifier = new ChainVerifier();
    ofOneChain.forEach(verifier::add);
    return verifier.result();
  }
}
