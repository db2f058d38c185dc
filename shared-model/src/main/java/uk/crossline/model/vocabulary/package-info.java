/**
 * The fixed vocabularies of an intelligence event: categories and the partnership priority each
 * serves, indicators, subject roles and age bands, identifier types, the 3x5x2 grading and the
 * markings. Every service and every agency form uses these words, and no others.
 */
package uk.crossline.model.vocabulary;
