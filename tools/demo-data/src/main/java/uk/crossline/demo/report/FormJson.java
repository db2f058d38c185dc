package uk.crossline.demo.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the intake reads: absent values left out, times as ISO-8601 text. */
public final class FormJson {

  private FormJson() {}

  public static JsonMapper mapper() {
    return JsonMapper.builder()
        .changeDefaultPropertyInclusion(
            inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_ABSENT))
        .build();
  }
}
