package uk.crossline.indexer.rebuild;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a rebuild is, as the admin endpoint shows it.
 *
 * @param generation the generation being built
 * @param replacing the live generation it replaces
 * @param recordsRead offsets of the topic read so far (the topic is compacted, so a few offsets
 *     hold no record)
 * @param recordsToRead offsets to read in all, from the first kept to the end when reading began
 * @param unreadable records skipped because they cannot be read (the live indexer dead-letters
 *     them)
 * @param rejected documents Elasticsearch refused (the live indexer dead-letters them too)
 * @param startedBy the user name of the operator who asked for it
 * @param lastError why it failed, or what went wrong after it switched
 */
record RebuildStatus(
    int generation,
    int replacing,
    Phase phase,
    long recordsRead,
    long recordsToRead,
    int percent,
    long unreadable,
    long rejected,
    String startedBy,
    Instant startedAt,
    Optional<Instant> finishedAt,
    Optional<String> lastError) {

  enum Phase {
    /** The new generation is claimed; waiting until every instance writes it as well. */
    WAITING_FOR_WRITERS,
    /** Reading the topic from the beginning up to the end offsets taken when reading began. */
    READING,
    /** Re-applying retention tombstones published while reading. */
    SWEEPING,
    /** Moving the read alias to the new generation. */
    SWITCHING,
    /** The new generation is live; deleting the old one once no instance writes it. */
    CLEANING_UP,
    SUCCEEDED,
    FAILED;

    boolean finished() {
      return this == SUCCEEDED || this == FAILED;
    }
  }

  boolean running() {
    return !phase.finished();
  }
}
