package uk.crossline.model.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import uk.crossline.model.event.EventId;

/**
 * One entry of the access log: who, when, why, what was asked and which events came back, chained
 * to the previous entry of the same writer.
 *
 * <p>Each writer (a service instance) keeps its own chain: entries numbered from 0, each carrying
 * the hash of the one before ({@link #GENESIS} for the first) and its own {@link #hash()}, the
 * SHA-256 of the canonical JSON of every other field ({@link AuditJson#canonical}). Changing any
 * field of an entry changes its hash; removing, inserting or moving an entry breaks the links after
 * it. {@link AuditChains#verify} finds the first break.
 *
 * @param chain the writer's chain, e.g. {@code crossline-search-<uuid>}; the topic's record key
 * @param sequence the entry's place in its chain, from 0
 * @param at when it happened
 * @param purpose why, as the person gave it; absent only where neither a consultation nor a
 *     person's act
 * @param criteria what was asked, without personal data (see {@link AuditEntryDraft})
 * @param eventIds which events came back, were disclosed or were deleted
 * @param previousHash the hash of entry {@code sequence - 1}, or {@link #GENESIS}
 * @param hash SHA-256, lower-case hex, over the canonical form of every other field
 */
public record AuditEntry(
    int schemaVersion,
    String chain,
    long sequence,
    Instant at,
    AuditActor actor,
    AuditAction action,
    Optional<String> purpose,
    Map<String, String> criteria,
    List<EventId> eventIds,
    String previousHash,
    String hash) {

  /** The schema version this code writes. */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  /** What the first entry of every chain names as its previous hash. */
  public static final String GENESIS = "0".repeat(64);

  /** At most this many event ids per entry; a larger result is recorded in parts. */
  public static final int MAX_EVENT_IDS = 1000;

  static final int MAX_PURPOSE = 500;
  static final int MAX_CRITERIA = 50;
  static final int MAX_CRITERION_VALUE = 1000;

  private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CRITERION =
      Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");

  public AuditEntry {
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion: versions start at 1");
    }
    Objects.requireNonNull(chain, "chain");
    if (!CHAIN.matcher(chain).matches()) {
      throw new IllegalArgumentException(
          "chain: letters, digits, dots, hyphens and underscores, at most 200");
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence: must not be negative");
    }
    Objects.requireNonNull(at, "at");
    checkWhoAndWhy(actor, action, purpose);
    criteria = checkedCriteria(criteria);
    eventIds = checkedEventIds(eventIds);
    checkHash("previousHash", previousHash);
    checkHash("hash", hash);
  }

  /** The first entry of a new chain. */
  public static AuditEntry first(String chain, Instant at, AuditEntryDraft draft) {
    return sealed(chain, 0, GENESIS, at, draft);
  }

  /** The entry that follows this one in its chain. */
  public AuditEntry next(Instant at, AuditEntryDraft draft) {
    return sealed(chain, sequence + 1, hash, at, draft);
  }

  private static AuditEntry sealed(
      String chain, long sequence, String previousHash, Instant at, AuditEntryDraft draft) {
    AuditEntry unsealed =
        new AuditEntry(
            CURRENT_SCHEMA_VERSION,
            chain,
            sequence,
            at,
            draft.actor(),
            draft.action(),
            draft.purpose(),
            draft.criteria(),
            draft.eventIds(),
            previousHash,
            GENESIS);
    return unsealed.withHash(unsealed.contentHash());
  }

  /** The hash this entry's fields give: equal to {@link #hash()} unless the entry was altered. */
  public String contentHash() {
    return AuditJson.sha256Hex(AuditJson.canonical(this));
  }

  /** Whether the entry's fields still give its recorded hash. */
  public boolean isSealedCorrectly() {
    return contentHash().equals(hash);
  }

  AuditEntry withHash(String newHash) {
    return new AuditEntry(
        schemaVersion,
        chain,
        sequence,
        at,
        actor,
        action,
        purpose,
        criteria,
        eventIds,
        previousHash,
        newHash);
  }

  static void checkWhoAndWhy(AuditActor actor, AuditAction action, Optional<String> purpose) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(purpose, "purpose");
    if (purpose.isEmpty()) {
      if (action.isConsultation()) {
        throw new IllegalArgumentException("purpose: required for a consultation");
      }
      if (actor instanceof AuditActor.Person) {
        throw new IllegalArgumentException("purpose: required for what a person does");
      }
    } else {
      AuditChecks.text("purpose", purpose.get(), MAX_PURPOSE);
    }
  }

  static Map<String, String> checkedCriteria(Map<String, String> criteria) {
    Objects.requireNonNull(criteria, "criteria");
    if (criteria.size() > MAX_CRITERIA) {
      throw new IllegalArgumentException("criteria: at most " + MAX_CRITERIA);
    }
    // Sorted, so that equal criteria serialise alike and hash alike.
    TreeMap<String, String> sorted = new TreeMap<>();
    criteria.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "criteria");
          if (name.length() > 64 || !CRITERION.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "criteria: names are dotted camelCase words, at most 64 characters");
          }
          AuditChecks.text("criteria." + name, value, MAX_CRITERION_VALUE);
          sorted.put(name, value);
        });
    return Collections.unmodifiableSortedMap(sorted);
  }

  static List<EventId> checkedEventIds(List<EventId> eventIds) {
    Objects.requireNonNull(eventIds, "eventIds");
    if (eventIds.size() > MAX_EVENT_IDS) {
      throw new IllegalArgumentException(
          "eventIds: at most " + MAX_EVENT_IDS + " per entry; record the rest in parts");
    }
    return List.copyOf(eventIds);
  }

  private static void checkHash(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!HASH.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": 64 lower-case hex digits (SHA-256)");
    }
  }
}
