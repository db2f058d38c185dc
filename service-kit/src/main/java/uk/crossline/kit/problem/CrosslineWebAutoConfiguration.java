package uk.crossline.kit.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Problem details for every refusal, and body size limits, in every Crossline service. */
@AutoConfiguration
@EnableConfigurationProperties(WebSettings.class)
public class CrosslineWebAutoConfiguration {

  @Bean
  ProblemResponses crosslineProblemResponses() {
    return new ProblemResponses();
  }

  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler crosslineRejectedRequests() {
    return new RejectedRequests();
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> crosslineBodySizeLimit(WebSettings settings) {
    var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(settings));
    // Before security, so an oversized body is refused without being buffered anywhere.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
