package uk.crossline.kit.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Pins the few Spring MVC loggers that, at DEBUG, write request bodies or parser messages quoting
 * the values sent, to INFO. An operator who turns on DEBUG for {@code org.springframework.web} to
 * chase a fault still gets everything else, but no personal data from a request.
 */
public class LogHygiene implements EnvironmentPostProcessor {

  static final Map<String, Object> PINNED =
      Map.of(
          "logging.level.org.springframework.web.method.HandlerMethod", "INFO",
          "logging.level.org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor",
              "INFO",
          "logging.level.org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor",
              "INFO",
          "logging.level.org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver",
              "INFO",
          "logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver",
              "INFO",
          "logging.level.org.springframework.web.servlet.DispatcherServlet", "INFO");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    // First, so that a broader DEBUG setting anywhere cannot reach these loggers.
    environment.getPropertySources().addFirst(new MapPropertySource("crosslineLogHygiene", PINNED));
  }
}
