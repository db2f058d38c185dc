package uk.crossline.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the hub's records are written to and read from its topics: an unknown field or a null for a
 * number is an error (named by {@link JsonRefusals}), a missing field reads as absent (Optional
 * fields empty, required ones refused by the records' own checks, naming the field), and absent
 * values are not written. One setting for every family, so no reader is laxer than another.
 */
public final class StrictJson {

  private StrictJson() {}

  /** The settings every reader and writer of a topic shares, to add to. */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .changeDefaultPropertyInclusion(
            include -> include.withValueInclusion(JsonInclude.Include.NON_ABSENT));
  }

  /** Those settings, and nothing may follow the one JSON value. */
  public static JsonMapper mapper() {
    return builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }
}
