package uk.crossline.model;

import java.util.List;

/**
 * The Kafka topics of the hub, named once. Their partitions, replication and retention are in
 * {@code infra/kafka/topics.tsv}; a test keeps the two lists equal.
 */
public final class Topics {

  /** Anonymised intelligence events from every intake, keyed by event id: the source of truth. */
  public static final String INTELLIGENCE_EVENTS = "crossline.intelligence.events";

  /** Intelligence records the indexer could not read or map, with the reason in their headers. */
  public static final String INTELLIGENCE_EVENTS_DLT = "crossline.intelligence.events.dlt";

  /** The append-only, hash-chained access log: every consultation and disclosure. */
  public static final String AUDIT_LOG = "crossline.audit.log";

  /**
   * Access-log records search could not copy into its index for auditors (unreadable, or a
   * different record claiming a place in a chain that is taken), with the reason in their headers.
   */
  public static final String AUDIT_LOG_DLT = "crossline.audit.log.dlt";

  /** Alert subscriptions, compacted by subscription id, so any alerts instance can rebuild them. */
  public static final String ALERT_SUBSCRIPTIONS = "crossline.alerts.subscriptions";

  /**
   * Alerts delivered to subscribers' inboxes, compacted by alert id: an alert's last record (read
   * or not) is the inbox, so any alerts instance can rebuild it and a redelivered alert is one
   * alert.
   */
  public static final String ALERTS = "crossline.alerts.inbox";

  /**
   * Webhook deliveries of alerts, compacted by alert id: each pending one with its attempts and
   * next attempt time, so a restarted alerts instance resumes; partitions are shared out among the
   * instances (a consumer group), so one instance posts a given alert.
   */
  public static final String ALERT_WEBHOOK_DELIVERIES = "crossline.alerts.webhook.deliveries";

  /** What each intake has published, compacted by event id: how a retry is known as one. */
  public static final String INTAKE_RECEIPTS = "crossline.intake.receipts";

  /**
   * Access requests after a hit / no-hit and the originators' decisions, compacted by request id:
   * search lists requests from it, the indexer grants access from it.
   */
  public static final String ACCESS_REQUESTS = "crossline.access.requests";

  private Topics() {}

  /** Every topic the hub needs to exist before its services start. */
  public static List<String> all() {
    return List.of(
        INTELLIGENCE_EVENTS,
        INTELLIGENCE_EVENTS_DLT,
        AUDIT_LOG,
        AUDIT_LOG_DLT,
        ALERT_SUBSCRIPTIONS,
        ALERTS,
        ALERT_WEBHOOK_DELIVERIES,
        INTAKE_RECEIPTS,
        ACCESS_REQUESTS);
  }
}
