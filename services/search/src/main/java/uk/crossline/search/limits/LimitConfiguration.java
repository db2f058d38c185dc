package uk.crossline.search.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The limiter and the interceptor that applies it to every {@link CountsAgainst} endpoint. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

  @Bean
  RateLimiter rateLimiter(LimitSettings settings) {
    return new RateLimiter(settings, Clock.systemUTC());
  }

  @Bean
  WebMvcConfigurer crosslineRateLimits(RateLimiter limiter, ObjectProvider<MeterRegistry> meters) {
    var interceptor =
        new LimitInterceptor(limiter, meters.getIfAvailable(SimpleMeterRegistry::new));
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
      }
    };
  }
}
