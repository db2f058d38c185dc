/** Pacing alerts so they do not become noise: rate limits, and digests made when they are due. */
package uk.crossline.alerts.digest;
