package uk.crossline.indexer.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RetentionJobTest {

  @Test
  void monthIsClosedOnceItsLastInstantIsBeforeTheCutoff() {
    YearMonth march = YearMonth.of(2020, 3);

    assertThat(RetentionJob.isClosed(march, Instant.parse("2020-04-01T00:00:00Z"))).isTrue();
    assertThat(RetentionJob.isClosed(march, Instant.parse("2020-03-31T23:59:59Z"))).isFalse();
    assertThat(RetentionJob.isClosed(march, Instant.parse("2020-03-15T00:00:00Z"))).isFalse();
  }
}
