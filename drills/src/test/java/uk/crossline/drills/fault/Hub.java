package uk.crossline.drills.fault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import uk.crossline.model.Topics;
import uk.crossline.testsupport.ConsumerGroups;
import uk.crossline.testsupport.DrillArguments;
import uk.crossline.testsupport.ServiceProcess;

/**
 * The hub's event path as operating-system processes from the jars this build packaged: the intake
 * (every demo agency), the indexer and the alerts service. Each can be killed (SIGKILL) and started
 * again as an operator's supervisor would: with the same instance name and consumer groups.
 *
 * <p>The indexer and the alerts service consume the events topic in groups of their own that begin
 * where the topic ended when the drill began, so they never take partitions from another instance
 * nor replay the topic's history.
 */
final class Hub implements AutoCloseable {

  /** The three services the drill kills in turn. */
  enum Service {
    INTAKE,
    INDEXER,
    ALERTS
  }

  /**
   * A killed member holds its partitions until its session expires: this bounds how long the
   * restarted one waits for them (the client's default is 45 s).
   */
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

  private final String run;
  private final String indexerGroup;
  private final String matchingGroup;
  private final String webhookGroup;
  private volatile ServiceProcess intake;
  private volatile ServiceProcess indexer;
  private volatile ServiceProcess alerts;

  private Hub(String run) {
    this.run = run;
    this.indexerGroup = ConsumerGroups.atEnd(Topics.INTELLIGENCE_EVENTS, "crossline-indexer-drill");
    this.matchingGroup = ConsumerGroups.atEnd(Topics.INTELLIGENCE_EVENTS, "crossline-alerts-drill");
    this.webhookGroup = "crossline-alerts-webhooks-drill-" + run;
  }

  /** Starts the three at once (they share two cores; starting them in turn takes longer). */
  static Hub start(String run) {
    Hub hub = new Hub(run);
    var intake = CompletableFuture.supplyAsync(hub::startIntake);
    var indexer = CompletableFuture.supplyAsync(hub::startIndexer);
    var alerts = CompletableFuture.supplyAsync(hub::startAlerts);
    try {
      CompletableFuture.allOf(intake, indexer, alerts).join();
    } catch (RuntimeException e) {
      // Never left running when another did not start.
      for (var starting : List.of(intake, indexer, alerts)) {
        starting.thenAccept(ServiceProcess::close);
      }
      throw e;
    }
    hub.intake = intake.join();
    hub.indexer = indexer.join();
    hub.alerts = alerts.join();
    return hub;
  }

  URI intakeUrl() {
    return intake.url();
  }

  URI alertsUrl() {
    return alerts.url();
  }

  ServiceProcess indexer() {
    return indexer;
  }

  /** SIGKILL, then the same service started again; returns how long it took to be ready. */
  Duration killAndRestart(Service service) throws InterruptedException {
    switch (service) {
      case INTAKE -> intake = restarted(intake, this::startIntake);
      case INDEXER -> indexer = restarted(indexer, this::startIndexer);
      case ALERTS -> alerts = restarted(alerts, this::startAlerts);
    }
    return switch (service) {
      case INTAKE -> intake.startup();
      case INDEXER -> indexer.startup();
      case ALERTS -> alerts.startup();
    };
  }

  private static ServiceProcess restarted(ServiceProcess running, Supplier<ServiceProcess> start)
      throws InterruptedException {
    running.kill();
    return start.get();
  }

  private ServiceProcess startIntake() {
    return ServiceProcess.start(
        "intake",
        List.of(
            "--spring.profiles.active=demo",
            // The instance names its Kafka transactional ids: the restarted process fences the
            // killed one's open transaction, as a restarted production instance would.
            "--crossline.intake.instance=fault-drill-" + run));
  }

  private ServiceProcess startIndexer() {
    return ServiceProcess.start(
        "indexer",
        concat(
            List.of(
                "--crossline.indexer.consumer-group=" + indexerGroup,
                "--crossline.indexer.retry-max-interval=2s"),
            DrillArguments.quickFailover(SESSION_TIMEOUT)));
  }

  private ServiceProcess startAlerts() {
    return ServiceProcess.start(
        "alerts",
        // Every instance holds the whole inbox topic in memory: on a shared test broker that is
        // hundreds of thousands of alerts.
        List.of("-Xmx1g"),
        concat(
            List.of(
                "--spring.application.name=crossline-alerts-drill-faults",
                "--crossline.alerts.group-id=" + matchingGroup,
                "--crossline.alerts.webhook.group-id=" + webhookGroup),
            DrillArguments.quickFailover(SESSION_TIMEOUT),
            DrillArguments.quickWebhooks()));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  @Override
  public void close() {
    for (ServiceProcess service : new ServiceProcess[] {alerts, indexer, intake}) {
      if (service != null) {
        service.close();
      }
    }
  }
}
