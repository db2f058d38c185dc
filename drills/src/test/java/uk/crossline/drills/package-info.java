/**
 * Drills on the whole hub: its services as processes, on the real Kafka, Elasticsearch and
 * Keycloak.
 */
package uk.crossline.drills;
