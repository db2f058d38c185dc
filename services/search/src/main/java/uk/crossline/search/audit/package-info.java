/**
 * The access log for auditors: a copy of the audit topic in Elasticsearch, searched by auditors
 * only, and a check of every hash chain in both the topic and the copy that names the first broken
 * link.
 */
package uk.crossline.search.audit;
