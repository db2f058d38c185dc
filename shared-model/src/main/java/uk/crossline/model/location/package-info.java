/**
 * Where an intelligence event happened, generalised so that no one can be singled out: a gazetteer
 * of districts, wards and postcode areas for the partnership, UK postcode parsing, a coarse map
 * grid and the rules that turn what a submitter knows into a {@link
 * uk.crossline.model.location.GeneralisedLocation}.
 */
package uk.crossline.model.location;
