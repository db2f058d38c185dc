package uk.crossline.portal.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.util.LinkedMultiValueMap;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Role;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.signin.SignedIn;

/**
 * Every submit page drawn from its template for every agency's form, with and without errors: the
 * templates are whole (the browser tests walk one path through them), errors are linked to fields
 * that exist on the page, and the pages echo nothing they should not.
 */
class SubmitPagesTest {

  private static final SpringTemplateEngine ENGINE = engine();
  private static final Gazetteer GAZETTEER = Gazetteer.bundled();

  @Test
  void everyQuestionPageOfEveryFormThenDrawnWithEachErrorLinkedToAFieldOnIt() {
    for (FormKind kind : FormKind.values()) {
      for (boolean amending : List.of(false, true)) {
        Draft draft = amending ? Draft.amending(kind, "x", Map.of()) : Draft.blank(kind);
        for (Page page : Page.values()) {
          Map<String, String> errors = Questions.problems(page, draft);
          String html = render("submit/question", questionModel(kind, page, draft, errors));
          assertThat(html).as(kind + " " + page).contains("<h1 class=\"govuk-heading-l\">");
          for (String field : errors.keySet()) {
            assertThat(html).as(kind + " " + page + " " + field).contains("id=\"" + field + "\"");
            assertThat(html).contains("href=\"#" + field + "\"");
          }
          for (String field : page.fields(kind, amending)) {
            if (!field.startsWith("observed") || field.equals("observedTime")) {
              assertThat(html)
                  .as(kind + " " + page + " " + field)
                  .contains("name=\"" + field + "\"");
            }
          }
        }
      }
    }
  }

  @Test
  void checkAnswersAndConfirmationThenDrawn() {
    Draft draft = complete();
    Map<String, Object> model = base(draft.kind());
    model.put("kind", draft.kind());
    model.put("d", draft);
    model.put("rows", CheckAnswers.of(draft, GAZETTEER));
    model.put(
        "problem",
        new HubProblem(
            400,
            "Invalid",
            "",
            List.of(new HubProblem.FieldError("where.postcode", "not a known outward code"))));
    model.put("refusals", Questions.refusals((HubProblem) model.get("problem"), draft));
    String check = render("submit/check", model);
    assertThat(check)
        .contains("07700 900123")
        .contains("href=\"/submit/when?change=true#postcode\"")
        .contains("Error: Check your answers");

    Map<String, Object> done = base(draft.kind());
    done.put("eventId", "be7a1c2d-0f3e-8a4b-9c5d-6e7f8a9b0c1d");
    done.put("reference", "WMP/IR/1");
    done.put("amended", false);
    done.put("duplicate", false);
    assertThat(render("submit/done", done)).contains("Report sent").contains("WMP/IR/1");
  }

  @Test
  void startRetractUploadAndRefusalPagesThenDrawn() {
    Map<String, Object> start = base(FormKind.COUNCIL);
    start.put("kind", FormKind.COUNCIL);
    start.put("draft", complete());
    start.put("errors", Map.of("eventId", "Enter the hub's reference", "action", "Select"));
    start.put("eventId", "");
    start.put("action", "");
    start.put("o", Option.ALL);
    assertThat(render("submit/start", start))
        .contains("href=\"#eventId\"")
        .contains("id=\"action\"");

    Map<String, Object> retract = base(FormKind.COUNCIL);
    retract.put("eventId", "be7a1c2d-0f3e-8a4b-9c5d-6e7f8a9b0c1d");
    retract.put("reason", "");
    retract.put("errors", Map.of("reason", "Select why the report is withdrawn"));
    retract.put("o", Option.ALL);
    assertThat(render("submit/retract", retract)).contains("id=\"reason\"");

    Map<String, Object> upload = base(FormKind.COUNCIL);
    upload.put("kind", FormKind.COUNCIL);
    upload.put("errors", Map.of("file", "Select a CSV file"));
    upload.put("limit", "50 MB");
    assertThat(render("submit/upload", upload)).contains("id=\"file\"");

    Map<String, Object> report = base(FormKind.COUNCIL);
    report.put(
        "report",
        new UploadController.RowReport(
            3,
            2,
            0,
            1,
            List.of(new UploadController.RowReport.RowError(4, "concern", "no")),
            false));
    assertThat(render("submit/upload-report", report)).contains("concern");

    Map<String, Object> refused = base(FormKind.COUNCIL);
    refused.put("problem", new HubProblem(403, "Forbidden", "Only the agency", List.of()));
    assertThat(render("submit/refused", refused)).contains("Only the agency");
    assertThat(render("submit/not-found", base(FormKind.COUNCIL))).contains("Report not found");
  }

  @Test
  void csvTemplateOfEachFormThenTheColumnsTheIntakeReads() {
    assertThat(FormKind.SAFEGUARDING.csvColumns())
        .contains("reference", "observedAt.at", "concern", "youngPerson.yearGroup")
        .doesNotContain("grading.source");
    assertThat(FormKind.PREMISES.csvColumns()).contains("visit", "finding", "premises.name");
  }

  private static Draft complete() {
    var posted = new LinkedMultiValueMap<String, String>();
    posted.add("reference", "WMP/IR/1");
    posted.add("category", "DEAL_LINE");
    posted.add("source", "2");
    posted.add("intelligence", "B");
    posted.add("handling", "P");
    posted.add("observedDay", "1");
    posted.add("observedMonth", "11");
    posted.add("observedYear", "2026");
    posted.add("precision", "DAY");
    posted.add("district", "redditch");
    posted.add("summary", "Deal line");
    posted.add("identifierType1", "PHONE");
    posted.add("identifierValue1", "07700 900123");
    posted.add("tlp", "AMBER");
    posted.add("amberTypes", "LOCAL_AUTHORITY");
    Draft draft = Draft.blank(FormKind.POLICE);
    for (Page page : Page.values()) {
      draft = draft.answer(page, posted).answered(page);
    }
    return draft;
  }

  private static Map<String, Object> questionModel(
      FormKind kind, Page page, Draft draft, Map<String, String> errors) {
    Map<String, Object> model = base(kind);
    model.put("page", page);
    model.put("kind", kind);
    model.put("d", draft);
    model.put("errors", errors);
    model.put("change", false);
    model.put("back", "/submit");
    model.put("districts", GAZETTEER.districts());
    model.put("o", Option.ALL);
    model.put(
        "agencies", List.of(Option.agency("redditch-bc"), Option.agency("west-mercia-police")));
    return model;
  }

  private static Map<String, Object> base(FormKind kind) {
    Map<String, Object> model = new HashMap<>();
    AgencyType type =
        switch (kind) {
          case POLICE -> AgencyType.POLICE;
          case PREMISES -> AgencyType.TRADING_STANDARDS;
          case SAFEGUARDING -> AgencyType.EDUCATION;
          case COUNCIL -> AgencyType.LOCAL_AUTHORITY;
        };
    model.put(
        "signedIn",
        new SignedIn(
            "someone", AgencyId.of("redditch-bc"), type, Set.of(Role.SUBMIT, Role.SEARCH)));
    model.put("_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token"));
    return model;
  }

  private static String render(String template, Map<String, Object> model) {
    var servletContext = new MockServletContext();
    var request = new MockHttpServletRequest(servletContext, "GET", "/submit");
    var exchange =
        JakartaServletWebApplication.buildApplication(servletContext)
            .buildExchange(request, new MockHttpServletResponse());
    return ENGINE.process(template, new WebContext(exchange, Locale.UK, model));
  }

  private static SpringTemplateEngine engine() {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    var engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
