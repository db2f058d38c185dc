package uk.crossline.intake.police;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.intake.bulk.BulkUploads;
import uk.crossline.intake.submission.SubmissionEndpoints;
import uk.crossline.intake.submission.Submissions;

@RestController
@RequestMapping("/api/v1/police/reports")
class PoliceReportController extends SubmissionEndpoints<PoliceReportForm> {

  PoliceReportController(Submissions submissions, BulkUploads bulk) {
    super(submissions, bulk, PoliceReportForm.class);
  }
}
