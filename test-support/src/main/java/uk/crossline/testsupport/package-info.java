/**
 * Gives integration tests a real Kafka, Elasticsearch and Keycloak, started once per build and
 * shared by every test class and module, and tokens for the demo users.
 */
package uk.crossline.testsupport;
