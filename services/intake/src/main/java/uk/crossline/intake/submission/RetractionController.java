package uk.crossline.intake.submission;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;

/** Retracting a report, whatever form it came through. */
@RestController
class RetractionController {

  private final Submissions submissions;

  RetractionController(Submissions submissions) {
    this.submissions = submissions;
  }

  /**
   * @param reason why the report is withdrawn
   */
  record Retraction(String reason) {}

  @PostMapping("/api/v1/reports/{eventId}/retraction")
  @Operation(
      summary = "Retract one of your agency's reports",
      description = "It leaves search at once. Only the originating agency may retract.")
  SubmissionOutcome retract(
      Caller caller, @PathVariable String eventId, @RequestBody Retraction retraction) {
    if (retraction.reason() == null || retraction.reason().isBlank()) {
      throw ProblemException.invalid("reason", "required: say why the report is withdrawn");
    }
    if (retraction.reason().length() > 1000) {
      throw ProblemException.invalid("reason", "at most 1000 characters");
    }
    return submissions.retract(caller, SubmissionEndpoints.eventIdOf(eventId), retraction.reason());
  }
}
