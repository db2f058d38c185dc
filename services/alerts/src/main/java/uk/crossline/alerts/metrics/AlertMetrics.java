package uk.crossline.alerts.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Matched, delivered, retried and failed alerts, and the time from an event's submission to the
 * delivery of its alert, per channel. The entry point of this package: matching and every channel
 * (inbox, webhook) record here, so each metric is named once. The counters of the known channels
 * are registered at start, so a dashboard shows them at zero before the first alert.
 */
@Component
public class AlertMetrics {

  public static final String MATCHED = "crossline.alerts.matched";
  public static final String DELIVERED = "crossline.alerts.delivered";
  public static final String RETRIED = "crossline.alerts.retried";
  public static final String FAILED = "crossline.alerts.failed";
  public static final String LATENCY = "crossline.alerts.latency";
  public static final String STREAMS = "crossline.alerts.streams";
  public static final String HELD = "crossline.alerts.held";
  public static final String DIGESTS = "crossline.alerts.digests";

  /** The in-app inbox (the live stream reads it). */
  public static final String INBOX = "inbox";

  /** A subscriber's webhook. */
  public static final String WEBHOOK = "webhook";

  private final MeterRegistry registry;
  private final Counter matched;
  private final Counter held;
  private final Counter digests;
  private final Map<String, Counter> delivered = new ConcurrentHashMap<>();
  private final Map<String, Counter> retried = new ConcurrentHashMap<>();
  private final Map<String, Counter> failed = new ConcurrentHashMap<>();
  private final Map<String, Timer> latency = new ConcurrentHashMap<>();

  public AlertMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.matched =
        Counter.builder(MATCHED)
            .description("Alerts made by matching events against subscriptions")
            .register(registry);
    this.held =
        Counter.builder(HELD)
            .description("Alerts held for a digest (asked for, or beyond the hour's rate)")
            .register(registry);
    this.digests =
        Counter.builder(DIGESTS)
            .description("Digests delivered to the inbox (and handed to webhooks)")
            .register(registry);
    for (String channel : new String[] {INBOX, WEBHOOK}) {
      deliveredCounter(channel);
      retriedCounter(channel);
      failedCounter(channel);
      latencyTimer(channel);
    }
  }

  /** Matching made these alerts (a retried batch counts its alerts again). */
  public void matched(int alerts) {
    matched.increment(alerts);
  }

  /** Matching held these alerts for a digest instead of delivering each. */
  public void held(int alerts) {
    held.increment(alerts);
  }

  /** A digest of held alerts was delivered. */
  public void digest() {
    digests.increment();
  }

  /**
   * An alert reached its subscriber by this channel.
   *
   * @param submittedAt when the event it is about was submitted: the latency is from then to now
   */
  public void delivered(String channel, Instant submittedAt, Instant now) {
    deliveredCounter(channel).increment();
    Duration taken = Duration.between(submittedAt, now);
    // Clocks of two machines: an intake's clock ahead of ours is not a negative latency.
    latencyTimer(channel).record(taken.isNegative() ? Duration.ZERO : taken);
  }

  /** Delivery of these alerts by this channel failed and will be tried again. */
  public void retried(String channel, int alerts) {
    retriedCounter(channel).increment(alerts);
  }

  /** Delivery of an alert by this channel was given up on. */
  public void failed(String channel) {
    failedCounter(channel).increment();
  }

  private Counter deliveredCounter(String channel) {
    return delivered.computeIfAbsent(
        channel,
        c ->
            Counter.builder(DELIVERED)
                .description("Alerts delivered to their subscribers")
                .tag("channel", c)
                .register(registry));
  }

  private Counter retriedCounter(String channel) {
    return retried.computeIfAbsent(
        channel,
        c ->
            Counter.builder(RETRIED)
                .description("Alert deliveries that failed and are tried again")
                .tag("channel", c)
                .register(registry));
  }

  private Counter failedCounter(String channel) {
    return failed.computeIfAbsent(
        channel,
        c ->
            Counter.builder(FAILED)
                .description("Alert deliveries given up on")
                .tag("channel", c)
                .register(registry));
  }

  private Timer latencyTimer(String channel) {
    return latency.computeIfAbsent(
        channel,
        c ->
            Timer.builder(LATENCY)
                .description("From an event's submission to the delivery of its alert")
                .tag("channel", c)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry));
  }
}
