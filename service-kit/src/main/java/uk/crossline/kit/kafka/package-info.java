/** Kafka as every service sees it: whether the brokers answer, for health and readiness. */
package uk.crossline.kit.kafka;
