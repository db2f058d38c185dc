package uk.crossline.portal.submit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Role;
import uk.crossline.portal.signin.SignedIn;

/**
 * The upload page's own checks, before anything is sent to the intake: a file over the portal's
 * limit, an empty or non-CSV one each get a GOV.UK error on the file field; the template is the
 * form's header row.
 */
class UploadLimitTest {

  /** The signed-in council officer, as the portal's advice gives every page. */
  @ControllerAdvice
  static class CouncilOfficer {
    @ModelAttribute("signedIn")
    SignedIn signedIn() {
      return new SignedIn(
          "redditch.cso",
          AgencyId.of("redditch-bc"),
          AgencyType.LOCAL_AUTHORITY,
          Set.of(Role.SUBMIT, Role.SEARCH));
    }
  }

  // The hub is never called by these checks.
  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(
              new UploadController(null, new SubmitSettings(DataSize.ofBytes(100), List.of())))
          .setControllerAdvice(new CouncilOfficer())
          .build();

  @Test
  void fileOverThePortalLimitThenGovUkErrorOnTheFileField() throws Exception {
    var file = new MockMultipartFile("file", "reports.csv", "text/csv", new byte[101]);

    mvc.perform(multipart("/submit/upload").file(file))
        .andExpect(view().name("submit/upload"))
        .andExpect(
            model()
                .attribute(
                    "errors", Map.of("file", "The selected file must be smaller than 100 bytes")));
  }

  @Test
  void noFileOrNotACsvThenAskedForOne() throws Exception {
    mvc.perform(multipart("/submit/upload"))
        .andExpect(model().attribute("errors", Map.of("file", "Select a CSV file")));
    mvc.perform(
            multipart("/submit/upload")
                .file(
                    new MockMultipartFile("file", "reports.xlsx", "application/zip", new byte[5])))
        .andExpect(model().attribute("errors", Map.of("file", "The selected file must be a CSV")));
  }

  @Test
  void templateThenTheCouncilFormsHeaderRowAsAnAttachment() throws Exception {
    mvc.perform(get("/submit/upload/template.csv"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.startsWith(
                        "reference,observedAt.at,observedAt.precision,where.postcode")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(",concern,")));
  }
}
