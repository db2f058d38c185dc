/** The alerts service's own metrics, named once, recorded by matching and by each channel. */
package uk.crossline.alerts.metrics;
