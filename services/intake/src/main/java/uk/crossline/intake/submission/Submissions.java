package uk.crossline.intake.submission;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.crossline.intake.agency.IntakeSettings;
import uk.crossline.intake.agency.ServedAgencies;
import uk.crossline.intake.agency.ServedAgency;
import uk.crossline.intake.anonymise.Anonymiser;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.intake.form.AgencyForm;
import uk.crossline.intake.form.FormValidator;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.EventJson;
import uk.crossline.model.event.EventKind;
import uk.crossline.model.event.IntelligenceAmended;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.vocabulary.RetractionReason;

/**
 * Submits, amends and retracts reports for the agencies this instance serves. The agency is the
 * caller's, from the token; a submission is answered once the broker holds it; the same content
 * under the same reference is published once.
 */
@Service
public class Submissions {

  private final ServedAgencies agencies;
  private final FormValidator validator;
  private final Anonymiser anonymiser;
  private final Receipts receipts;
  private final EventPublisher publisher;
  private final Clock clock;
  private final Duration readyTimeout;
  private final MeterRegistry meters;
  private final EventLocks locks = new EventLocks();

  Submissions(
      ServedAgencies agencies,
      FormValidator validator,
      Anonymiser anonymiser,
      Receipts receipts,
      EventPublisher publisher,
      Clock clock,
      IntakeSettings settings,
      MeterRegistry meters) {
    this.agencies = agencies;
    this.validator = validator;
    this.anonymiser = anonymiser;
    this.receipts = receipts;
    this.publisher = publisher;
    this.clock = clock;
    this.readyTimeout = settings.publishTimeout();
    this.meters = meters;
  }

  /** A new report, or a retry of one already published. */
  public SubmissionOutcome report(Caller caller, AgencyForm form) {
    ServedAgency agency = agencyOf(caller, form);
    validator.check(form);
    Prepared prepared = prepare(agency, form.toObservation());
    return publishOne(
        agency, prepared.eventId(), EventKind.REPORT, () -> reported(agency, prepared));
  }

  /** The originating agency replaces the content of one of its reports. */
  public SubmissionOutcome amend(Caller caller, EventId eventId, AgencyForm form, String reason) {
    ServedAgency agency = agencyOf(caller, form);
    awaitReady();
    ownReceipt(agency, eventId, "amend");
    validator.check(form);
    Observation observation = form.toObservation();
    if (!agency.eventIdOf(observation.reference()).equals(eventId)) {
      throw ProblemException.invalid(
          "reference", "is not the reference of the event being amended");
    }
    IntelligenceReport report = anonymiser.anonymise(observation);
    String redactedReason = anonymiser.redact(reason, observation);
    return publishOne(
        agency,
        eventId,
        EventKind.AMENDMENT,
        () -> {
          Receipt current = ownReceipt(agency, eventId, "amend");
          String fingerprint = EventJson.fingerprint(report);
          if (current.fingerprint().equals(fingerprint)) {
            return Optional.empty();
          }
          long revision = current.revision() + 1;
          var event =
              new IntelligenceAmended(
                  IntelligenceEvent.CURRENT_SCHEMA_VERSION,
                  eventId,
                  revision,
                  agency.agency(),
                  clock.instant(),
                  current.originRefHash(),
                  report,
                  redactedReason);
          return Optional.of(
              new EventPublisher.Publication(
                  event,
                  new Receipt(
                      eventId,
                      agency.agency().id(),
                      revision,
                      current.originRefHash(),
                      fingerprint,
                      false)));
        });
  }

  /** The originating agency withdraws one of its reports. */
  public SubmissionOutcome retract(Caller caller, EventId eventId, RetractionReason reason) {
    ServedAgency agency = agencyOf(caller);
    return publishOne(
        agency,
        eventId,
        EventKind.RETRACTION,
        () -> {
          Receipt current = ownReceipt(agency, eventId, "retract");
          if (current.retracted()) {
            return Optional.empty();
          }
          long revision = current.revision() + 1;
          var event =
              new IntelligenceRetracted(
                  IntelligenceEvent.CURRENT_SCHEMA_VERSION,
                  eventId,
                  revision,
                  agency.agency(),
                  clock.instant(),
                  current.originRefHash(),
                  reason);
          return Optional.of(
              new EventPublisher.Publication(
                  event,
                  new Receipt(
                      eventId, agency.agency().id(), revision, current.originRefHash(), "", true)));
        });
  }

  /** A report ready to publish: anonymised, its id and fingerprint worked out. */
  public record Prepared(
      EventId eventId, String originRefHash, IntelligenceReport report, String fingerprint) {}

  /** Anonymises an observation of the agency: what bulk uploads do row by row. */
  public Prepared prepare(ServedAgency agency, Observation observation) {
    IntelligenceReport report = anonymiser.anonymise(observation);
    String originRefHash = agency.originRefHash(observation.reference());
    return new Prepared(
        agency.eventIdOf(observation.reference()),
        originRefHash,
        report,
        EventJson.fingerprint(report));
  }

  /** What became of one report of a batch: published (or a retry), or refused. */
  public sealed interface BatchResult {

    /** Published now, or already published with the same content. */
    record Accepted(SubmissionOutcome outcome) implements BatchResult {}

    /** Refused, e.g. a reference already used for other content. */
    record Refused(ProblemException problem) implements BatchResult {}
  }

  /**
   * Publishes a batch of prepared reports of one agency in one transaction, skipping retries.
   *
   * @return one result per prepared report, in order
   */
  public List<BatchResult> reportAll(ServedAgency agency, List<Prepared> batch) {
    awaitReady();
    List<BatchResult> results = new ArrayList<>();
    java.util.Map<EventId, EventPublisher.Publication> publications =
        new java.util.LinkedHashMap<>();
    try (EventLocks.Held held = locks.lockAll(batch.stream().map(Prepared::eventId).toList())) {
      for (Prepared prepared : batch) {
        results.add(batchResult(agency, prepared, publications));
      }
      if (!publications.isEmpty()) {
        Timer.Sample sample = Timer.start(meters);
        publisher.publish(List.copyOf(publications.values()));
        sample.stop(meters.timer("crossline.intake.publish", "mode", "bulk"));
        publications.values().forEach(p -> receipts.record(p.receipt()));
      }
      long accepted = results.stream().filter(r -> r instanceof BatchResult.Accepted).count();
      count(agency, "accepted", publications.size());
      count(agency, "duplicate", (int) accepted - publications.size());
      count(agency, "rejected", results.size() - (int) accepted);
      return results;
    }
  }

  private BatchResult batchResult(
      ServedAgency agency,
      Prepared prepared,
      java.util.Map<EventId, EventPublisher.Publication> pending) {
    EventPublisher.Publication earlier = pending.get(prepared.eventId());
    if (earlier != null) {
      if (earlier.receipt().fingerprint().equals(prepared.fingerprint())) {
        return new BatchResult.Accepted(
            new SubmissionOutcome(prepared.eventId(), EventKind.REPORT, 1, true));
      }
      return new BatchResult.Refused(referenceAlreadyUsed());
    }
    try {
      Optional<EventPublisher.Publication> publication = reported(agency, prepared);
      publication.ifPresent(p -> pending.put(prepared.eventId(), p));
      return new BatchResult.Accepted(outcomeOf(prepared.eventId(), EventKind.REPORT, publication));
    } catch (ProblemException e) {
      return new BatchResult.Refused(e);
    }
  }

  private static ProblemException referenceAlreadyUsed() {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "Reference already used",
        "A different report was submitted under this reference; amend it instead.",
        List.of(new uk.crossline.kit.problem.FieldProblem("reference", "already used")));
  }

  public ServedAgency agencyOf(Caller caller, AgencyForm form) {
    ServedAgency agency = agencyOf(caller);
    if (!form.usedBy().contains(caller.agencyType())) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Not your agency's form",
          "This form is for " + form.usedBy() + "; your agency is " + caller.agencyType() + ".",
          List.of());
    }
    return agency;
  }

  public ServedAgency agencyOf(Caller caller) {
    if (!caller.has(Role.SUBMIT)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "Forbidden", "Your role does not include submitting.", List.of());
    }
    return agencies
        .of(caller)
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "Not this agency's intake",
                    "This intake serves other agencies; submit through your own agency's intake.",
                    List.of()));
  }

  /** Counts rows of a bulk upload refused before they reached a batch. */
  public void countRejected(ServedAgency agency, int rows) {
    count(agency, "rejected", rows);
  }

  private Optional<EventPublisher.Publication> reported(ServedAgency agency, Prepared prepared) {
    Optional<Receipt> existing = receipts.of(prepared.eventId());
    if (existing.isPresent()) {
      Receipt receipt = existing.get();
      if (receipt.retracted()) {
        throw new ProblemException(
            HttpStatus.CONFLICT,
            "Report retracted",
            "The report with this reference was retracted; use a new reference.",
            List.of());
      }
      if (receipt.fingerprint().equals(prepared.fingerprint())) {
        return Optional.empty();
      }
      throw referenceAlreadyUsed();
    }
    var event =
        new IntelligenceReported(
            IntelligenceEvent.CURRENT_SCHEMA_VERSION,
            prepared.eventId(),
            1,
            agency.agency(),
            clock.instant(),
            prepared.originRefHash(),
            prepared.report());
    return Optional.of(
        new EventPublisher.Publication(
            event,
            new Receipt(
                prepared.eventId(),
                agency.agency().id(),
                1,
                prepared.originRefHash(),
                prepared.fingerprint(),
                false)));
  }

  private Receipt ownReceipt(ServedAgency agency, EventId eventId, String action) {
    return receipts
        .of(eventId)
        .filter(receipt -> receipt.agency().equals(agency.agency().id()))
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "Not your agency's report",
                    "Only the agency that reported an event may " + action + " it.",
                    List.of()));
  }

  private interface Decision {
    Optional<EventPublisher.Publication> decide();
  }

  private SubmissionOutcome publishOne(
      ServedAgency agency, EventId eventId, EventKind kind, Decision decision) {
    awaitReady();
    try (EventLocks.Held held = locks.lockAll(List.of(eventId))) {
      Optional<EventPublisher.Publication> publication = decision.decide();
      if (publication.isPresent()) {
        Timer.Sample sample = Timer.start(meters);
        publisher.publish(List.of(publication.get()));
        sample.stop(meters.timer("crossline.intake.publish", "mode", "single"));
        receipts.record(publication.get().receipt());
        count(agency, "accepted", 1);
      } else {
        count(agency, "duplicate", 1);
      }
      return outcomeOf(eventId, kind, publication);
    }
  }

  private SubmissionOutcome outcomeOf(
      EventId eventId, EventKind kind, Optional<EventPublisher.Publication> publication) {
    if (publication.isPresent()) {
      return new SubmissionOutcome(eventId, kind, publication.get().event().revision(), false);
    }
    long revision = receipts.of(eventId).map(Receipt::revision).orElse(1L);
    return new SubmissionOutcome(eventId, kind, revision, true);
  }

  private void awaitReady() {
    try {
      if (!receipts.awaitCaughtUp(readyTimeout)) {
        throw new ProblemException(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Starting up",
            "The intake is still reading what it published before; try again shortly.",
            List.of());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void count(ServedAgency agency, String outcome, int n) {
    if (n > 0) {
      meters
          .counter(
              "crossline.intake.submissions",
              "agency_type",
              agency.agency().type().name(),
              "outcome",
              outcome)
          .increment(n);
    }
  }
}
