package uk.crossline.search.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the verification found, for the Kafka log (the source of truth) and for the index (the copy
 * auditors search), each chain by chain.
 *
 * @param chain the one chain checked, if the auditor named one
 * @param log the audit topic itself, every partition read from the beginning
 * @param index the copy in Elasticsearch, every document read through one point in time
 */
record VerificationReport(
    Instant checkedAt, Optional<String> chain, CopyVerification log, CopyVerification index) {

  /**
   * One copy of the access log checked.
   *
   * @param copy {@code KAFKA_LOG} or {@code INDEX}
   * @param source where it was read, in words
   * @param records how many records were read
   * @param chainsBroken how many chains have a broken link
   * @param intact no chain broken and no record unreadable
   * @param chains each chain, the broken ones first
   * @param unattributed records that name no chain at all (no key, unreadable)
   */
  record CopyVerification(
      String copy,
      String source,
      long records,
      int chainsChecked,
      int chainsBroken,
      boolean intact,
      List<ChainReport> chains,
      List<UnattributedRecord> unattributed) {}

  /**
   * One chain as found in one copy.
   *
   * @param records how many records of the chain were read
   * @param intactRecords how many were found whole before the first broken link (all when intact)
   * @param lastSequence the sequence of the last record read, where it could be read
   * @param firstBreak the first broken link, if any
   */
  record ChainReport(
      String chain,
      long records,
      long intactRecords,
      Optional<Long> lastSequence,
      boolean intact,
      Optional<BrokenLink> firstBreak) {}

  /**
   * The first place a chain is broken.
   *
   * @param sequence the sequence the record there carries, where it could be read
   * @param problem what is wrong
   * @param detail a sentence for the auditor, naming sequences and never content
   * @param location where the record is: its partition and offset, or its index and document id
   */
  record BrokenLink(
      String chain, Optional<Long> sequence, Problem problem, String detail, String location) {}

  /** A record that cannot be given to any chain. */
  record UnattributedRecord(String location, String reason) {}

  /** How a link can be broken. */
  enum Problem {
    /** The record's content no longer gives its hash: it was changed after it was written. */
    ALTERED,
    /** The index copy's searchable fields are not what its record says: the copy was edited. */
    COPY_ALTERED,
    /** Records are missing before this one: a sequence is absent. */
    MISSING,
    /** The record is out of its place: records were moved or repeated. */
    OUT_OF_ORDER,
    /** The record is whole but does not carry the hash of the one before: a forged replacement. */
    LINK_BROKEN,
    /** The record belongs to another chain. */
    FOREIGN,
    /** The record cannot be read as an access-log entry at all. */
    UNREADABLE
  }
}
