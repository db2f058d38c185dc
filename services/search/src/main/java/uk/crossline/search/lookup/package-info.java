/**
 * Identifier look-up: a phone, vehicle, handle or email typed by the caller, normalised and
 * tokenised here and never kept, answered with the matching events the caller may see and whether
 * other matches exist that it may ask for.
 */
package uk.crossline.search.lookup;
