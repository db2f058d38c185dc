package uk.crossline.model.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.event.EventId;

/** A police analyst of the demo partnership and the access-log entries their searches leave. */
final class AuditFixtures {

  static final Caller ANALYST =
      new Caller(
          "5b0f3c1e-analyst",
          "analyst.wmp",
          AgencyId.of("west-mercia-police"),
          AgencyType.POLICE,
          Set.of(Role.SEARCH, Role.LINK_ANALYSIS));

  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  static final String CHAIN = "crossline-search-1b8e6a3c-0b7e-4f4a-9a51-3f1f0f4f2c11";

  private AuditFixtures() {}

  static EventId event(int n) {
    return EventId.derive(AgencyId.of("west-mercia-police"), "ref-" + n);
  }

  static AuditEntryDraft search(int n) {
    return AuditEntryDraft.by(ANALYST, AuditAction.SEARCH, "Operation Kestrel, deal line review")
        .with("district", "redditch")
        .with("text", "free vapes outside school " + n)
        .withEventIds(List.of(event(n), event(n + 1)));
  }

  /** A whole chain of {@code length} searches, a minute apart. */
  static List<AuditEntry> chain(int length) {
    List<AuditEntry> entries = new ArrayList<>();
    AuditEntry entry = AuditEntry.first(CHAIN, T0, search(0));
    entries.add(entry);
    for (int n = 1; n < length; n++) {
      entry = entry.next(T0.plusSeconds(60L * n), search(n));
      entries.add(entry);
    }
    return entries;
  }

  /**
   * The same entry with another purpose, its recorded hash untouched: what a careless edit does.
   */
  static AuditEntry withPurpose(AuditEntry entry, String purpose) {
    return new AuditEntry(
        entry.schemaVersion(),
        entry.chain(),
        entry.sequence(),
        entry.at(),
        entry.actor(),
        entry.action(),
        java.util.Optional.of(purpose),
        entry.criteria(),
        entry.eventIds(),
        entry.previousHash(),
        entry.hash());
  }
}
