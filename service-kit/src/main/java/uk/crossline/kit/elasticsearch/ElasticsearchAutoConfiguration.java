package uk.crossline.kit.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The low-level REST client and the typed Java client on top of it, one of each per service. */
@AutoConfiguration
@EnableConfigurationProperties(ElasticsearchSettings.class)
public class ElasticsearchAutoConfiguration {

  /**
   * The client authenticates with the API key's header on every request, never by challenge, so it
   * keeps no cache of authentication schemes: the HTTP client's cache deserialises its entry for
   * the host on every request, which cost search about 4% of its CPU per search (bench/).
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  RestClient elasticsearchRestClient(ElasticsearchSettings settings) {
    var builder =
        RestClient.builder(HttpHost.create(settings.url().toString()))
            .setRequestConfigCallback(
                config ->
                    config
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setSocketTimeout((int) settings.socketTimeout().toMillis()))
            .setHttpClientConfigCallback(http -> http.disableAuthCaching());
    settings
        .apiKey()
        .ifPresent(
            key ->
                builder.setDefaultHeaders(
                    new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ElasticsearchClient elasticsearchClient(RestClient restClient) {
    return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
  }

  @Bean
  ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
    return new ElasticsearchHealthIndicator(client);
  }
}
