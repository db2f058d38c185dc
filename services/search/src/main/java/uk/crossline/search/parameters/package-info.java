/** Reading the query parameters of a request the same way in every feature that takes them. */
package uk.crossline.search.parameters;
