package uk.crossline.intake.submission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import uk.crossline.intake.bulk.BulkReport;
import uk.crossline.intake.bulk.BulkUploads;
import uk.crossline.intake.form.AgencyForm;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.event.EventId;

/**
 * The endpoints every agency form has: submit one report, amend one, upload many. Each agency
 * type's controller binds them to its form and path.
 */
public abstract class SubmissionEndpoints<F extends AgencyForm> {

  private final Submissions submissions;
  private final BulkUploads bulk;
  private final Class<F> formType;

  protected SubmissionEndpoints(Submissions submissions, BulkUploads bulk, Class<F> formType) {
    this.submissions = submissions;
    this.bulk = bulk;
    this.formType = formType;
  }

  /**
   * An amendment: the whole new report and why it changed.
   *
   * @param reason why the report changed, e.g. "second test purchase confirmed the sale"
   */
  public record Amendment<F>(@NotBlank @Size(max = 1000) String reason, F report) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Submit one report",
      description =
          "Answered once the broker holds the event. A retry with the same reference and content"
              + " answers 200 with the same eventId and publishes nothing.")
  public ResponseEntity<SubmissionOutcome> submit(
      Caller caller, @org.springframework.web.bind.annotation.RequestBody F form) {
    SubmissionOutcome outcome = submissions.report(caller, form);
    return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(outcome);
  }

  @PutMapping(path = "/{eventId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Amend one of your agency's reports (the whole new content)")
  public SubmissionOutcome amend(
      Caller caller,
      @PathVariable String eventId,
      @org.springframework.web.bind.annotation.RequestBody Amendment<F> amendment) {
    if (amendment.report() == null) {
      throw ProblemException.invalid("report", "required: the whole amended report");
    }
    if (amendment.reason() == null || amendment.reason().isBlank()) {
      throw ProblemException.invalid("reason", "required: say why the report changed");
    }
    if (amendment.reason().length() > 1000) {
      throw ProblemException.invalid("reason", "at most 1000 characters");
    }
    return submissions.amend(caller, eventIdOf(eventId), amendment.report(), amendment.reason());
  }

  @PostMapping(
      path = "/bulk",
      consumes = {BulkUploads.CSV, BulkUploads.NDJSON})
  @Operation(
      summary = "Upload many reports as CSV or NDJSON",
      description =
          "Streamed; up to the configured number of rows. Every valid row is published; the answer"
              + " lists each rejected row with the field at fault.")
  @RequestBody(
      content = {
        @Content(mediaType = BulkUploads.CSV, schema = @Schema(type = "string")),
        @Content(mediaType = BulkUploads.NDJSON, schema = @Schema(type = "string"))
      })
  public BulkReport upload(
      Caller caller, @RequestHeader("Content-Type") String contentType, InputStream body)
      throws IOException {
    return bulk.upload(caller, MediaType.parseMediaType(contentType), body, formType);
  }

  static EventId eventIdOf(String text) {
    try {
      return EventId.of(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("eventId", "not an event id");
    }
  }
}
