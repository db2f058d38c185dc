package uk.crossline.model.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import uk.crossline.model.Caller;
import uk.crossline.model.event.EventId;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * An access-log entry before the writer gives it its place in a chain and its time.
 *
 * <p>{@code criteria} say what was asked, as named values ({@code district=redditch}, {@code
 * identifier.token=k1.…}), and must hold no personal data: an identifier is recorded by its token
 * ({@link #withIdentifier}), never by the value the person typed.
 *
 * @param purpose why, in the person's words: required for every consultation and for anything a
 *     person does
 * @param eventIds the events that came back, were disclosed or were deleted, in the order given; an
 *     entry names at most {@link AuditEntry#MAX_EVENT_IDS}, so split a larger set with {@link
 *     #inChunksOf}
 */
public record AuditEntryDraft(
    AuditActor actor,
    AuditAction action,
    Optional<String> purpose,
    Map<String, String> criteria,
    List<EventId> eventIds) {

  public AuditEntryDraft {
    criteria = AuditEntry.checkedCriteria(criteria);
    // Any number here: an entry takes at most AuditEntry.MAX_EVENT_IDS, see inChunksOf.
    eventIds = List.copyOf(Objects.requireNonNull(eventIds, "eventIds"));
    AuditEntry.checkWhoAndWhy(actor, action, purpose);
  }

  /** What a person does, for the reason they gave. */
  public static AuditEntryDraft by(Caller caller, AuditAction action, String purpose) {
    return new AuditEntryDraft(
        AuditActor.of(caller), action, Optional.ofNullable(purpose), Map.of(), List.of());
  }

  /** What a component of the hub does on its own, and why. */
  public static AuditEntryDraft bySystem(String component, AuditAction action, String purpose) {
    return new AuditEntryDraft(
        AuditActor.system(component), action, Optional.of(purpose), Map.of(), List.of());
  }

  /** This draft with one more criterion (or a new value for it). */
  public AuditEntryDraft with(String criterion, String value) {
    Map<String, String> more = new TreeMap<>(criteria);
    more.put(criterion, value);
    return new AuditEntryDraft(actor, action, purpose, more, eventIds);
  }

  /** This draft recording an identifier that was looked up, by its type and token only. */
  public AuditEntryDraft withIdentifier(IdentifierType type, PseudonymToken token) {
    return with("identifier.type", type.name()).with("identifier.token", token.value());
  }

  /** This draft naming these events (replacing any it named). */
  public AuditEntryDraft withEventIds(Collection<EventId> ids) {
    return new AuditEntryDraft(actor, action, purpose, criteria, List.copyOf(ids));
  }

  /**
   * This draft split so no entry names more than {@code size} events, each part saying which it is
   * ({@code part=2/3}): one large deletion or export stays one readable record per part.
   */
  public List<AuditEntryDraft> inChunksOf(int size) {
    if (size < 1 || size > AuditEntry.MAX_EVENT_IDS) {
      throw new IllegalArgumentException(
          "chunk size must be between 1 and " + AuditEntry.MAX_EVENT_IDS);
    }
    if (eventIds.size() <= size) {
      return List.of(this);
    }
    int parts = (eventIds.size() + size - 1) / size;
    List<AuditEntryDraft> chunks = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      List<EventId> ids =
          eventIds.subList(part * size, Math.min(eventIds.size(), (part + 1) * size));
      chunks.add(withEventIds(ids).with("part", (part + 1) + "/" + parts));
    }
    return List.copyOf(chunks);
  }
}
