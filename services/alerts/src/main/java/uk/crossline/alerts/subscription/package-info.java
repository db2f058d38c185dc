/** Subscriptions: who wants to be alerted to what, kept in a compacted topic and an API. */
package uk.crossline.alerts.subscription;
