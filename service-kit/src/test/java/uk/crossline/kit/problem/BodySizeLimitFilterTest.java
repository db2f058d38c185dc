package uk.crossline.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BodySizeLimitFilterTest {

  private final BodySizeLimitFilter filter =
      new BodySizeLimitFilter(new WebSettings(DataSize.ofBytes(100), DataSize.ofKilobytes(1)));

  @Test
  void anUploadOverItsLimitIsA413ProblemWithItsErrorsAtTheTop() throws Exception {
    var request = new MockHttpServletRequest("POST", "/api/v1/council/reports/bulk");
    request.setContent(new byte[2048]);
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem =
        JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(problem.path("errors").get(0).path("reason").asString())
        .isEqualTo("larger than 1024 bytes");
    assertThat(problem.has("properties")).isFalse();
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void anUploadWithinItsLimitGoesOnThoughItIsOverTheLimitOfOneReport() throws Exception {
    var request = new MockHttpServletRequest("POST", "/api/v1/council/reports/bulk");
    request.setContent(new byte[1000]);
    var chain = new MockFilterChain();

    filter.doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isNotNull();
  }
}
