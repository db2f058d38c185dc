/**
 * The Elasticsearch 8.19 client every service uses, defined here because Spring Boot 4's own
 * auto-configuration targets the 9.x client, which does not talk to an 8.19 server.
 */
package uk.crossline.kit.elasticsearch;
