/** The person's alerts, updating live, and their subscriptions. */
package uk.crossline.portal.alerts;
