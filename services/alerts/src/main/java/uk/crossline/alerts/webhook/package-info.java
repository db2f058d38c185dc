/**
 * Webhooks: alerts of webhook subscriptions posted, signed, to the subscriber's URL, retried with
 * back-off across restarts until delivered or given up, with the state in a compacted topic.
 */
package uk.crossline.alerts.webhook;
