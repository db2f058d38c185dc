/** The benchmark's report: Markdown, JSON and PNG plots written from the figures. */
package uk.crossline.bench.report;
