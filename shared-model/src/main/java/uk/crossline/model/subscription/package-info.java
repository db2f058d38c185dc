/**
 * Alert subscriptions: the events of the compacted subscriptions topic, from which every alerts
 * instance rebuilds who wants to hear about what.
 */
package uk.crossline.model.subscription;
