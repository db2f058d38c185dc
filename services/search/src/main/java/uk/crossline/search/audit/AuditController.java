package uk.crossline.search.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.model.Caller;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.event.EventId;

/**
 * The access log for auditors (role AUDIT) only: the whole hub's records, searched, and every chain
 * verified in the log and in the copy. An auditor's own look-ups are personal data too, so each is
 * written to the access log before it is answered.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

  private final AuditIndexCopy index;
  private final AuditTopic topic;
  private final AuditLog audit;
  private final Clock clock;

  AuditController(AuditIndexCopy index, AuditTopic topic, AuditLog audit) {
    this.index = index;
    this.topic = topic;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  @GetMapping("/records")
  @PreAuthorize("hasRole('AUDIT')")
  @Operation(
      summary = "Search the access log of the whole hub (auditors only)",
      description =
          "Filters: user (a username, or a component such as crossline-indexer), agency, action,"
              + " eventId (records naming the event; repeat or comma-separate, at most 20), chain,"
              + " from and to (YYYY-MM-DD, UTC days), size (1-100), after (the cursor of the"
              + " previous page). Each record comes back exactly as written, newest first. A"
              + " purpose is required: this look-up goes in the access log too.")
  AuditRecordPage records(
      Caller caller,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    AuditQuery query = AuditQuery.read(parameters);
    AuditRecordPage page = index.search(query);
    AuditEntryDraft entry =
        AuditEntryDraft.by(caller, AuditAction.AUDIT_LOG_SEARCH, query.purpose())
            .with("total", Long.toString(page.total()))
            .with("returned", Integer.toString(page.records().size()));
    if (query.user().isPresent()) {
      entry = entry.with("user", query.user().get());
    }
    if (query.agency().isPresent()) {
      entry = entry.with("agency", query.agency().get().value());
    }
    if (!query.actions().isEmpty()) {
      entry =
          entry.with(
              "action",
              query.actions().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }
    if (!query.eventIds().isEmpty()) {
      entry =
          entry.with(
              "eventId",
              query.eventIds().stream()
                  .map(EventId::value)
                  .sorted()
                  .collect(Collectors.joining(",")));
    }
    if (query.chain().isPresent()) {
      entry = entry.with("chain", query.chain().get());
    }
    if (query.from().isPresent()) {
      entry = entry.with("from", query.from().get().toString());
    }
    if (query.to().isPresent()) {
      entry = entry.with("to", query.to().get().toString());
    }
    if (query.after().isPresent()) {
      entry = entry.with("page", "next");
    }
    // No answer without its access-log entry: if the entry cannot be written, this call fails.
    audit.record(entry);
    return page;
  }

  @GetMapping("/verification")
  @PreAuthorize("hasRole('AUDIT')")
  @Operation(
      summary = "Verify every hash chain of the access log (auditors only)",
      description =
          "Checks each chain in the Kafka log (the source of truth, every partition read from"
              + " the beginning) and in the index auditors search (read through one point in"
              + " time), and answers for each copy, chain by chain: records checked, intact or"
              + " not, and the first broken link (sequence, what is wrong, where). chain narrows"
              + " the check to one chain. A purpose is required: the check goes in the access log.")
  VerificationReport verification(
      Caller caller,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    AuditQuery.Verification asked = AuditQuery.Verification.read(parameters);
    var checkedAt = clock.instant();
    var log = topic.verify(asked.chain());
    var copy = index.verify(asked.chain());
    AuditEntryDraft entry =
        AuditEntryDraft.by(caller, AuditAction.AUDIT_LOG_SEARCH, asked.purpose())
            .with("check", "chains")
            .with("log.records", Long.toString(log.records()))
            .with("log.chainsBroken", Integer.toString(log.chainsBroken()))
            .with("index.records", Long.toString(copy.records()))
            .with("index.chainsBroken", Integer.toString(copy.chainsBroken()));
    if (asked.chain().isPresent()) {
      entry = entry.with("chain", asked.chain().get());
    }
    audit.record(entry);
    return new VerificationReport(checkedAt, asked.chain(), log, copy);
  }
}
