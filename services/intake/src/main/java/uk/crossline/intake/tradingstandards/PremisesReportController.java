package uk.crossline.intake.tradingstandards;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.intake.bulk.BulkUploads;
import uk.crossline.intake.submission.SubmissionEndpoints;
import uk.crossline.intake.submission.Submissions;

@RestController
@RequestMapping("/api/v1/trading-standards/reports")
class PremisesReportController extends SubmissionEndpoints<PremisesReportForm> {

  PremisesReportController(Submissions submissions, BulkUploads bulk) {
    super(submissions, bulk, PremisesReportForm.class);
  }
}
