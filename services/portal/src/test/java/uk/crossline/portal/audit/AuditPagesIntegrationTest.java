package uk.crossline.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.crossline.portal.MockSignIn.policeUser;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/**
 * The access-log pages' own rules, before any call to the hub: auditors only, a purpose first, and
 * the filter form checked with its errors linked to the fields.
 */
@CrosslineIntegrationTest
@SpringBootTest
@AutoConfigureMockMvc
class AuditPagesIntegrationTest {

  @Autowired MockMvc mvc;

  private static MockHttpSession withPurpose() {
    MockHttpSession session = new MockHttpSession();
    session.setAttribute("crossline.purpose", "Quarterly access review");
    return session;
  }

  @Test
  void analystWithoutTheAuditRoleThenRefusedEveryAuditPage() throws Exception {
    var analyst = policeUser("police.analyst", "SUBMIT", "SEARCH", "LINK_ANALYSIS");
    for (String page : List.of("/audit", "/audit/verification", "/audit/records/c/1")) {
      mvc.perform(get(page).with(analyst).session(withPurpose())).andExpect(status().isForbidden());
    }
    mvc.perform(post("/audit").param("user", "x").with(analyst).with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void auditorWithoutAPurposeThenAskedForOneFirst() throws Exception {
    mvc.perform(get("/audit").with(policeUser("ig.auditor", "AUDIT")))
        .andExpect(redirectedUrl("/purpose?next=%2Faudit"));
    mvc.perform(get("/audit/verification").with(policeUser("ig.auditor", "AUDIT")))
        .andExpect(redirectedUrl("/purpose?next=%2Faudit%2Fverification"));
  }

  @Test
  void auditorFirstVisitThenTheFormAndNoSearchYet() throws Exception {
    String body =
        mvc.perform(get("/audit").with(policeUser("ig.auditor", "AUDIT")).session(withPurpose()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body)
        .contains("<title>Access log - Crossline</title>")
        .contains("Quarterly access review")
        .contains("id=\"audit-form\"")
        .doesNotContain("id=\"records\"");
  }

  @Test
  void auditorBadDatesThenErrorsLinkedToTheirFields() throws Exception {
    String body =
        mvc.perform(
                post("/audit")
                    .param("user", "police.analyst")
                    .param("from", "2026-13-01")
                    .param("to", "yesterday")
                    .with(policeUser("ig.auditor", "AUDIT"))
                    .with(csrf())
                    .session(withPurpose()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body)
        .contains("<title>Error: Access log - Crossline</title>")
        .contains("href=\"#from\"")
        .contains("href=\"#to\"")
        .contains("govuk-input--error")
        .contains("value=\"police.analyst\"");
  }

  @Test
  void auditorFiltersThenKeptInTheSessionNotTheAddress() throws Exception {
    MockHttpSession session = withPurpose();
    mvc.perform(
            post("/audit")
                .param("user", "police.analyst")
                .param("action", "SEARCH", "VIEW", "NOT_AN_ACTION")
                .param("from", "2026-11-01")
                .with(policeUser("ig.auditor", "AUDIT"))
                .with(csrf())
                .session(session))
        .andExpect(redirectedUrl("/audit"));

    AuditFilters filters = (AuditFilters) session.getAttribute(AuditController.FILTERS);
    assertThat(filters.user()).isEqualTo("police.analyst");
    assertThat(filters.actions()).containsExactly("SEARCH", "VIEW");
  }

  @Test
  void eventIdLinkThenFiltersOnThatEventAloneAndClearThenNone() throws Exception {
    MockHttpSession session = withPurpose();
    mvc.perform(
            get("/audit/events/5f0c2d1e-7a4b-8c3d-9e2f-0a1b2c3d4e5f")
                .with(policeUser("ig.auditor", "AUDIT"))
                .session(session))
        .andExpect(redirectedUrl("/audit"));
    AuditFilters filters = (AuditFilters) session.getAttribute(AuditController.FILTERS);
    assertThat(filters.eventIdList()).containsExactly("5f0c2d1e-7a4b-8c3d-9e2f-0a1b2c3d4e5f");
    assertThat(filters.user()).isEmpty();

    mvc.perform(get("/audit?clear").with(policeUser("ig.auditor", "AUDIT")).session(session))
        .andExpect(redirectedUrl("/audit"));
    assertThat(session.getAttribute(AuditController.FILTERS)).isNull();
  }

  @Test
  void recordNotAmongThoseShownThenNotFound() throws Exception {
    String body =
        mvc.perform(
                get("/audit/records/crossline-search-1/4")
                    .with(policeUser("ig.auditor", "AUDIT"))
                    .session(withPurpose()))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).contains("Record not found");
  }
}
