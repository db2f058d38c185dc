package uk.crossline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestTest {

  @Test
  void uploadsAreAtMostAThousandRowsOfOneAgencyAndInterleaved() {
    // given a round of 5,000 reports
    var round = new Workload(3, LocalDate.of(2026, 11, 20)).next(5_000);
    // when cut into uploads
    List<Ingest.Upload> uploads = Ingest.uploads(round);
    // then every report is sent once, in parts of at most 1,000, agencies taking turns
    assertThat(uploads.stream().mapToInt(u -> u.forms().size()).sum()).isEqualTo(5_000);
    assertThat(uploads).allSatisfy(u -> assertThat(u.forms()).hasSizeLessThanOrEqualTo(1_000));
    assertThat(uploads.get(0).user()).isNotEqualTo(uploads.get(1).user());
  }

  @Test
  void steadyBatchesAreOneTickOfOneAgency() {
    var round = new Workload(3, LocalDate.of(2026, 11, 20)).next(2_000);
    List<TimeToSearchable.Batch> batches = TimeToSearchable.batches(round, 100);
    assertThat(batches).allSatisfy(b -> assertThat(b.forms()).hasSize(100));
    assertThat(batches.get(0).submitter()).isNotEqualTo(batches.get(1).submitter());
  }
}
