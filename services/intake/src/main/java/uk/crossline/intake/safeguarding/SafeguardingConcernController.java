package uk.crossline.intake.safeguarding;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.intake.bulk.BulkUploads;
import uk.crossline.intake.submission.SubmissionEndpoints;
import uk.crossline.intake.submission.Submissions;

@RestController
@RequestMapping("/api/v1/safeguarding/concerns")
class SafeguardingConcernController extends SubmissionEndpoints<SafeguardingConcernForm> {

  SafeguardingConcernController(Submissions submissions, BulkUploads bulk) {
    super(submissions, bulk, SafeguardingConcernForm.class);
  }
}
