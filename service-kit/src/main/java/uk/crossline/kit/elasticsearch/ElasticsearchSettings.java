package uk.crossline.kit.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Elasticsearch cluster is and how to authenticate. The defaults run against the local
 * stack ({@code ./crossline up}); production sets the URL of its cluster and an API key.
 *
 * @param url one node or a load balancer in front of the cluster
 * @param apiKey an Elasticsearch API key (base64 id:key), if the cluster has security on
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long to wait for an answer
 */
@ConfigurationProperties("crossline.elasticsearch")
public record ElasticsearchSettings(
    @DefaultValue("http://127.0.0.1:9200") URI url,
    Optional<String> apiKey,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration socketTimeout) {}
