package uk.crossline.intake.submission;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.vocabulary.RetractionReason;

/** Retracting a report, whatever form it came through. */
@RestController
class RetractionController {

  private final Submissions submissions;

  RetractionController(Submissions submissions) {
    this.submissions = submissions;
  }

  /**
   * @param reason why the report is withdrawn, as a code (free text could carry names)
   */
  record Retraction(RetractionReason reason) {}

  @PostMapping("/api/v1/reports/{eventId}/retraction")
  @Operation(
      summary = "Retract one of your agency's reports",
      description = "It leaves search at once. Only the originating agency may retract.")
  SubmissionOutcome retract(
      Caller caller, @PathVariable String eventId, @RequestBody Retraction retraction) {
    if (retraction.reason() == null) {
      throw ProblemException.invalid("reason", "required: say why the report is withdrawn");
    }
    return submissions.retract(caller, SubmissionEndpoints.eventIdOf(eventId), retraction.reason());
  }
}
