package uk.crossline.intake.agency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.crossline.model.AgencyType;

/**
 * What an intake instance is for. In production an instance serves one agency at that agency's
 * edge; the local run may host several demo agencies in one process to spare memory, each request
 * still bound to the agency in its token.
 *
 * @param agencies the agencies served (one in production)
 * @param pseudonymKeys the key ring shared by every service of the hub ({@code
 *     current=2;1=<base64>;2=<base64>}); empty means the published demo keys, for local runs only
 * @param publishTimeout how long a submission waits for the broker's acknowledgement
 * @param bulkMaxRows the most rows one bulk upload may carry
 * @param bulkBatchSize rows published per Kafka transaction in a bulk upload
 */
@ConfigurationProperties("crossline.intake")
public record IntakeSettings(
    List<Agency> agencies,
    Optional<String> pseudonymKeys,
    @DefaultValue("10s") Duration publishTimeout,
    @DefaultValue("100000") int bulkMaxRows,
    @DefaultValue("500") int bulkBatchSize) {

  public IntakeSettings {
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
  }

  /**
   * One agency served by this instance.
   *
   * @param homeDistricts ids of the districts it serves, from the gazetteer
   * @param referenceKey the agency's own secret for hashing its references: only this agency's
   *     intake can find its records by reference
   */
  public record Agency(
      String id, AgencyType type, List<String> homeDistricts, String referenceKey) {}
}
