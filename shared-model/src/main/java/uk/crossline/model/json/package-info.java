/**
 * Strict JSON of the hub: how every reader explains a refusal, and the reader of versioned event
 * families.
 */
package uk.crossline.model.json;
