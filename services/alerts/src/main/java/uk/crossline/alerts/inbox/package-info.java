/**
 * The inbox: alerts delivered to subscribers, kept in a compacted topic, with their read marks, and
 * the API that lists them.
 */
package uk.crossline.alerts.inbox;
