package uk.crossline.indexer.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import uk.crossline.model.policy.RetentionPolicy;

/**
 * The retention policy the indexer applies, read once at start-up (a malformed policy stops the
 * start, naming the key at fault), and the job's schedule.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

  @Bean
  RetentionPolicy retentionPolicy(RetentionSettings settings) {
    return settings
        .policyFile()
        .map(RetentionConfiguration::load)
        .orElseGet(RetentionPolicy::bundled);
  }

  private static RetentionPolicy load(Path file) {
    try (InputStream yaml = Files.newInputStream(file)) {
      return RetentionPolicy.load(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the retention policy " + file, e);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "crossline.retention.enabled", matchIfMissing = true)
  static class Schedule implements SchedulingConfigurer {

    private final RetentionJob job;
    private final RetentionSettings settings;

    Schedule(RetentionJob job, RetentionSettings settings) {
      this.job = job;
      this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(job::runOnSchedule, settings.interval(), settings.initialDelay()));
    }
  }
}
