package uk.crossline.indexer.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and how the retention job runs.
 *
 * @param enabled whether the job runs on its schedule (it can still be run by hand when off)
 * @param interval the pause between the end of one run and the start of the next
 * @param initialDelay the pause after start-up, so a restarted indexer catches up with the topic
 *     before it judges what the projection holds
 * @param pageSize events read, audited and tombstoned at a time: one access-log entry each
 * @param policyFile a retention policy to use instead of the one bundled with the build, e.g. a
 *     newer version mounted by the deployment
 */
@ConfigurationProperties("crossline.retention")
public record RetentionSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1h") Duration interval,
    @DefaultValue("15m") Duration initialDelay,
    @DefaultValue("500") int pageSize,
    Optional<Path> policyFile) {

  public RetentionSettings {
    if (pageSize < 1 || pageSize > uk.crossline.model.audit.AuditEntry.MAX_EVENT_IDS) {
      throw new IllegalArgumentException(
          "crossline.retention.page-size: between 1 and "
              + uk.crossline.model.audit.AuditEntry.MAX_EVENT_IDS);
    }
  }
}
