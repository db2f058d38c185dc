/**
 * Links: the other visible events that share an identifier, a person or a premises with an event,
 * bounded by the partnership's correlation policy (a cap per token and a warning list of common
 * identifiers), with the bound shown in every answer.
 */
package uk.crossline.search.links;
