package uk.crossline.portal;

import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.crossline.model.Topics;
import uk.crossline.testsupport.ConsumerGroups;
import uk.crossline.testsupport.SearchRateLimits;
import uk.crossline.testsupport.ServiceProcess;

/**
 * The hub's services the portal calls, each as its own process from the jar this build packaged,
 * started once for all the portal's browser tests and stopped when the test JVM ends. The indexer
 * and alerts consume the events topic from where it ended when they started, in consumer groups of
 * their own, so they never compete with another test's instances nor replay the topic's history.
 */
final class RunningHub {

  private static volatile RunningHub started;

  final ServiceProcess intake;
  final ServiceProcess indexer;
  final ServiceProcess search;
  final ServiceProcess alerts;

  private RunningHub() {
    indexer =
        ServiceProcess.start(
            "indexer",
            List.of(
                "--crossline.indexer.consumer-group="
                    + ConsumerGroups.atEnd(
                        Topics.INTELLIGENCE_EVENTS, "crossline-indexer-portal")));
    intake =
        ServiceProcess.start(
            "intake",
            // One instance name per portal test port: the instance names the intake's Kafka
            // transactional ids, and two test JVMs' intakes under one name fence each other
            // (InvalidProducerEpochException: "nothing was published").
            List.of(
                "--spring.profiles.active=demo",
                "--crossline.intake.instance=portal-tests-" + PortalBrowserTest.PORT));
    // Its rate limits lifted: the tests wait for the indexer by searching every half second.
    search = ServiceProcess.start("search", SearchRateLimits.liftedForTests());
    alerts =
        ServiceProcess.start(
            "alerts",
            List.of(
                "--crossline.alerts.group-id="
                    + ConsumerGroups.atEnd(Topics.INTELLIGENCE_EVENTS, "crossline-alerts-portal"),
                "--crossline.alerts.webhook.deliver=false"));
  }

  /** The services, started at the first call. */
  static synchronized RunningHub get() {
    if (started == null) {
      RunningHub hub = new RunningHub();
      Runtime.getRuntime().addShutdownHook(new Thread(hub::stop, "running-hub-stop"));
      started = hub;
    }
    return started;
  }

  /** Points the portal under test at these services. */
  static void register(DynamicPropertyRegistry registry) {
    registry.add("crossline.portal.intake-url", () -> get().intake.url().toString());
    registry.add("crossline.portal.search-url", () -> get().search.url().toString());
    registry.add("crossline.portal.alerts-url", () -> get().alerts.url().toString());
  }

  /** Every service it runs. */
  List<ServiceProcess> all() {
    return List.of(alerts, search, intake, indexer);
  }

  private void stop() {
    for (ServiceProcess service : all()) {
      service.close();
    }
  }
}
