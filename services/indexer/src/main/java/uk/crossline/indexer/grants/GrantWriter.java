package uk.crossline.indexer.grants;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.crossline.indexer.projection.Generations;
import uk.crossline.indexer.projection.IntelligenceProjection;
import uk.crossline.model.event.EventId;

/**
 * Writes each new grant onto the documents of its event, in the live generation and in the one a
 * rebuild is writing, on its own thread; what Elasticsearch cannot take now is tried again shortly.
 * Every instance does it for every grant: the write is idempotent.
 */
@Component
class GrantWriter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GrantWriter.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final GrantsTable table;
  private final IntelligenceProjection projection;
  private final Generations generations;
  private volatile boolean running;
  private volatile Thread worker;

  GrantWriter(GrantsTable table, IntelligenceProjection projection, Generations generations) {
    this.table = table;
    this.projection = projection;
    this.generations = generations;
  }

  private void run() {
    while (running) {
      EventId eventId;
      try {
        eventId = table.nextToWrite(Duration.ofMillis(500));
      } catch (InterruptedException e) {
        return;
      }
      if (eventId == null) {
        continue;
      }
      try {
        table.version();
        Generations.State state = generations.current();
        projection.regrant(List.of(eventId), state.live());
        if (state.building().isPresent()) {
          projection.regrant(List.of(eventId), state.building().get());
        }
      } catch (RuntimeException e) {
        log.warn("A grant of event {} could not be written yet: {}", eventId, e.getMessage());
        table.writeLater(eventId);
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  @Override
  public void start() {
    running = true;
    worker = Thread.ofPlatform().name("indexer-grant-writer").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
