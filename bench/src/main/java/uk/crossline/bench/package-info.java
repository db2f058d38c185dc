/** The benchmark's entry point: what to measure, in which order, and where the report goes. */
package uk.crossline.bench;
