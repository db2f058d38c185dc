/**
 * The live stream of a subscriber's own alerts to the browser (Server-Sent Events), resumable from
 * the last event id on any instance.
 */
package uk.crossline.alerts.stream;
