package uk.crossline.intake.council;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.intake.bulk.BulkUploads;
import uk.crossline.intake.submission.SubmissionEndpoints;
import uk.crossline.intake.submission.Submissions;

@RestController
@RequestMapping("/api/v1/council/reports")
class CouncilReportController extends SubmissionEndpoints<CouncilReportForm> {

  CouncilReportController(Submissions submissions, BulkUploads bulk) {
    super(submissions, bulk, CouncilReportForm.class);
  }
}
