/**
 * The alerts service: subscriptions, matching of intelligence events against them under the access
 * policy, and the inbox the alerts are delivered to.
 */
package uk.crossline.alerts;
