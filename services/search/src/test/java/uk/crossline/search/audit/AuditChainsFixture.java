package uk.crossline.search.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditEntryDraft;

/**
 * Chains of access-log entries made for one test, under a chain id of their own, so a test may
 * tamper with them without touching any chain another test or service writes.
 */
final class AuditChainsFixture {

  static final String COMPONENT = "crossline-audit-test";

  private AuditChainsFixture() {}

  static String newChain() {
    return "crossline-audit-test-" + UUID.randomUUID();
  }

  static AuditEntryDraft draft(int n) {
    return AuditEntryDraft.bySystem(COMPONENT, AuditAction.SEARCH, "chain verification test")
        .with("n", Integer.toString(n));
  }

  /** A whole chain of {@code length} entries, a second apart, ending now. */
  static List<AuditEntry> chain(String chain, int length) {
    Instant start = Instant.now().minusSeconds(length);
    List<AuditEntry> entries = new ArrayList<>();
    AuditEntry entry = AuditEntry.first(chain, start, draft(0));
    entries.add(entry);
    for (int n = 1; n < length; n++) {
      entry = entry.next(start.plusSeconds(n), draft(n));
      entries.add(entry);
    }
    return entries;
  }

  /** The entry with another purpose and its recorded hash left as it was: a careless edit. */
  static AuditEntry withPurpose(AuditEntry entry, String purpose) {
    return new AuditEntry(
        entry.schemaVersion(),
        entry.chain(),
        entry.sequence(),
        entry.at(),
        entry.actor(),
        entry.action(),
        Optional.of(purpose),
        entry.criteria(),
        entry.eventIds(),
        entry.previousHash(),
        entry.hash());
  }

  /** The entry sealed with the hash of its present content, so it looks whole on its own. */
  static AuditEntry sealedAgain(AuditEntry entry) {
    return withPreviousHash(entry, entry.previousHash());
  }

  /**
   * The entry claiming another predecessor, sealed again so it looks whole: a forged replacement.
   */
  static AuditEntry withPreviousHash(AuditEntry entry, String previousHash) {
    AuditEntry relinked =
        new AuditEntry(
            entry.schemaVersion(),
            entry.chain(),
            entry.sequence(),
            entry.at(),
            entry.actor(),
            entry.action(),
            entry.purpose(),
            entry.criteria(),
            entry.eventIds(),
            previousHash,
            entry.hash());
    return new AuditEntry(
        relinked.schemaVersion(),
        relinked.chain(),
        relinked.sequence(),
        relinked.at(),
        relinked.actor(),
        relinked.action(),
        relinked.purpose(),
        relinked.criteria(),
        relinked.eventIds(),
        relinked.previousHash(),
        relinked.contentHash());
  }
}
