/**
 * Who sees what: the partnership's data sharing agreements ({@code infra/policy/partnership.yml})
 * and the one access policy that decides for an event in memory and, as the same rule, gives the
 * filter that search turns into an Elasticsearch query.
 */
package uk.crossline.model.access;
