/**
 * Matching: each new, amended or retracted intelligence event against the subscriptions, under the
 * access policy at each subscriber's agreement, into alerts for the inbox.
 */
package uk.crossline.alerts.matching;
