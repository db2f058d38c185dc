package uk.crossline.search.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.testsupport.DemoTokens;

/** The auditor's API as the tests call it: as ig.auditor, answers read as JSON. */
final class AuditApi {

  static final String AUDITOR = "ig.auditor";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MockMvc mvc;
  private final DemoTokens tokens;

  AuditApi(MockMvc mvc, DemoTokens tokens) {
    this.mvc = mvc;
    this.tokens = tokens;
  }

  /** {@code GET /api/v1/audit/records} with these parameters, expecting 200. */
  JsonNode records(Map<String, String> parameters) throws Exception {
    return get200("/api/v1/audit/records", parameters);
  }

  /** {@code GET /api/v1/audit/verification} with these parameters, expecting 200. */
  JsonNode verification(Map<String, String> parameters) throws Exception {
    return get200("/api/v1/audit/verification", parameters);
  }

  /** The report of one chain in one copy ({@code log} or {@code index}) of a verification. */
  static JsonNode chainIn(JsonNode verification, String copy, String chain) {
    for (JsonNode report : verification.get(copy).get("chains")) {
      if (report.get("chain").asString().equals(chain)) {
        return report;
      }
    }
    throw new AssertionError("chain " + chain + " is not in the " + copy + " verification");
  }

  private JsonNode get200(String path, Map<String, String> parameters) throws Exception {
    var request = get(path).header("Authorization", "Bearer " + tokens.accessToken(AUDITOR));
    parameters.forEach(request::param);
    return JSON.readTree(
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
