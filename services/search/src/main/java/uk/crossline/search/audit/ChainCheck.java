package uk.crossline.search.audit;

import java.util.Optional;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.ChainVerification;
import uk.crossline.model.audit.ChainVerifier;
import uk.crossline.search.audit.VerificationReport.BrokenLink;
import uk.crossline.search.audit.VerificationReport.ChainReport;
import uk.crossline.search.audit.VerificationReport.Problem;

/**
 * One chain checked record by record as a copy is read, in constant memory: the hash chain by the
 * shared {@link ChainVerifier}, plus what only a reader of a copy can see (a record it cannot read,
 * an index document whose fields differ from its record). The first problem in reading order wins.
 */
final class ChainCheck {

  private final String chain;
  private final ChainVerifier verifier = new ChainVerifier();
  private long records;
  private long fed;
  private Optional<Long> lastSequence = Optional.empty();

  /** Where the verifier's first break is, noted when it appears. */
  private String verifierBreakLocation;

  /** The first problem the verifier cannot see, and how many verified records came before it. */
  private BrokenLink ownBreak;

  private long ownPosition;
  private long verifierWinsBelow;

  ChainCheck(String chain) {
    this.chain = chain;
  }

  /** A record read whole. */
  void add(AuditEntry entry, String location) {
    feed(entry, location);
    records++;
  }

  /** A document read whole, whose searchable fields are not those its record gives. */
  void addUnfaithful(AuditEntry entry, String location) {
    if (ownBreak == null) {
      ownBreak =
          new BrokenLink(
              chain,
              Optional.of(entry.sequence()),
              Problem.COPY_ALTERED,
              "the index copy of entry "
                  + entry.sequence()
                  + " was changed: its searchable fields are not what its record says",
              location);
      ownPosition = records;
      // The record itself altered at the same place is the deeper finding: let the verifier say.
      verifierWinsBelow = fed + 1;
    }
    add(entry, location);
  }

  /** A record of this chain that cannot be read as an entry. */
  void addUnreadable(Optional<Long> sequence, String reason, String location) {
    if (ownBreak == null) {
      ownBreak =
          new BrokenLink(
              chain,
              sequence,
              Problem.UNREADABLE,
              "a record of this chain cannot be read: " + reason,
              location);
      ownPosition = records;
      verifierWinsBelow = fed;
    }
    sequence.ifPresent(s -> lastSequence = Optional.of(s));
    records++;
  }

  ChainReport report() {
    ChainVerification verified = verifier.result();
    Optional<ChainVerification.Break> found = verified.firstBreak();
    if (found.isPresent() && (ownBreak == null || found.get().position() < verifierWinsBelow)) {
      ChainVerification.Break first = found.get();
      return new ChainReport(
          chain,
          records,
          first.position(),
          lastSequence,
          false,
          Optional.of(
              new BrokenLink(
                  chain,
                  Optional.of(first.sequence()),
                  problem(first.problem()),
                  first.detail(),
                  verifierBreakLocation)));
    }
    if (ownBreak != null) {
      return new ChainReport(
          chain, records, ownPosition, lastSequence, false, Optional.of(ownBreak));
    }
    return new ChainReport(chain, records, records, lastSequence, true, Optional.empty());
  }

  private void feed(AuditEntry entry, String location) {
    verifier.add(entry);
    fed++;
    lastSequence = Optional.of(entry.sequence());
    if (verifierBreakLocation == null && !verifier.result().isIntact()) {
      verifierBreakLocation = location;
    }
  }

  private static Problem problem(ChainVerification.Problem problem) {
    return switch (problem) {
      case ALTERED -> Problem.ALTERED;
      case MISSING -> Problem.MISSING;
      case REORDERED -> Problem.OUT_OF_ORDER;
      case LINK_BROKEN -> Problem.LINK_BROKEN;
      case FOREIGN -> Problem.FOREIGN;
    };
  }
}
