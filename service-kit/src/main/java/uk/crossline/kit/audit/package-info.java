/**
 * The access-log writer every service that consults or discloses intelligence uses: one hash chain
 * per service instance on the audit topic, written synchronously, so that no answer goes out
 * without its entry (services need Spring Kafka and {@code spring.kafka.bootstrap-servers}).
 */
package uk.crossline.kit.audit;
