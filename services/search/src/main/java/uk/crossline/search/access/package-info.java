/**
 * The access policy of shared-model turned into Elasticsearch: the caller's filter as a query that
 * every search carries, and the fields the caller may not see left out of every answer.
 */
package uk.crossline.search.access;
