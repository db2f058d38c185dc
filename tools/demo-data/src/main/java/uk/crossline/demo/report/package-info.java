/**
 * The demo reports: each agency's form as its JSON reads at the intake, and the generator that
 * writes them from the synthetic world, the same for the same seed.
 */
package uk.crossline.demo.report;
