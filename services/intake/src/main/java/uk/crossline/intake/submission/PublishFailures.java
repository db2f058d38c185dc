package uk.crossline.intake.submission;

import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * When the broker cannot take a submission, the transaction is aborted and nothing is published:
 * the submitter is told to retry, which is safe because a retry is recognised as one.
 */
@RestControllerAdvice
class PublishFailures {

  private static final Logger log = LoggerFactory.getLogger(PublishFailures.class);

  @ExceptionHandler(KafkaException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  ProblemDetail brokerUnavailable(KafkaException e) {
    log.warn("Publishing failed; nothing was published: {}", e.getClass().getSimpleName());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The hub could not record the submission just now; nothing was published. Try again.");
    problem.setTitle("Try again");
    return problem;
  }
}
