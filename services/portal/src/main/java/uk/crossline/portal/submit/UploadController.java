package uk.crossline.portal.submit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import uk.crossline.portal.hub.Hub;
import uk.crossline.portal.hub.HubProblem;
import uk.crossline.portal.signin.SignedIn;

/**
 * Uploading a CSV file of many reports on the person's agency's form, relayed as it is to the
 * intake's bulk endpoint, and the intake's row report: how many rows were read, accepted, already
 * there, and each refused row with the field at fault (never the value: the intake does not repeat
 * it).
 */
@Controller
class UploadController {

  private static final String CSV = "text/csv";

  private final Hub hub;
  private final SubmitSettings settings;

  UploadController(Hub hub, SubmitSettings settings) {
    this.hub = hub;
    this.settings = settings;
  }

  /** The intake's answer. */
  record RowReport(
      int rows,
      int accepted,
      int duplicates,
      int rejected,
      List<RowError> errors,
      boolean errorsTruncated) {

    /** One refused row's problem. */
    record RowError(int row, String field, String reason) {}

    static RowReport of(JsonNode answer) {
      List<RowError> errors = new ArrayList<>();
      answer
          .path("errors")
          .forEach(
              e ->
                  errors.add(
                      new RowError(
                          e.path("row").asInt(),
                          e.path("field").asString(""),
                          e.path("reason").asString(""))));
      return new RowReport(
          answer.path("rows").asInt(),
          answer.path("accepted").asInt(),
          answer.path("duplicates").asInt(),
          answer.path("rejected").asInt(),
          List.copyOf(errors),
          answer.path("errorsTruncated").asBoolean(false));
    }
  }

  @GetMapping("/submit/upload")
  String form(Model model, HttpServletResponse response) {
    SignedIn person = SignedIn.in(model);
    return page(model, person, Map.of(), null);
  }

  @GetMapping("/submit/upload/template.csv")
  ResponseEntity<String> template(Model model) {
    SignedIn person = SignedIn.in(model);
    FormKind kind = FormKind.of(person.agencyType());
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("crossline-" + kind.name().toLowerCase(Locale.ROOT) + "-template.csv")
                .build()
                .toString())
        .body(String.join(",", kind.csvColumns()) + "\r\n");
  }

  @PostMapping("/submit/upload")
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    SignedIn person = SignedIn.in(model);
    if (file == null || file.isEmpty()) {
      return page(model, person, Map.of("file", "Select a CSV file"), null);
    }
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return page(model, person, Map.of("file", "The selected file must be a CSV"), null);
    }
    if (file.getSize() > settings.maxUpload().toBytes()) {
      return page(model, person, Map.of("file", tooLarge()), null);
    }
    FormKind kind = FormKind.of(person.agencyType());
    JsonNode answer;
    try {
      answer =
          Hub.call(
              "intake",
              () ->
                  hub.intake()
                      .post()
                      .uri(kind.path() + "/bulk")
                      .contentType(MediaType.parseMediaType(CSV))
                      .body(
                          out -> {
                            try (InputStream in = file.getInputStream()) {
                              in.transferTo(out);
                            }
                          })
                      .retrieve()
                      .body(JsonNode.class));
    } catch (HubProblem problem) {
      if (problem.isForbidden()) {
        return SubmitController.refused(model, response, problem);
      }
      String message =
          problem.status() == 413
              ? tooLarge()
              : problem.detail().isBlank() ? problem.title() : problem.detail();
      return page(model, person, Map.of("file", message), null);
    }
    redirect.addFlashAttribute("report", RowReport.of(answer));
    return "redirect:/submit/upload/report";
  }

  @GetMapping("/submit/upload/report")
  String report(Model model) {
    if (!model.containsAttribute("report")) {
      return "redirect:/submit/upload";
    }
    return "submit/upload-report";
  }

  private String tooLarge() {
    return "The selected file must be smaller than " + limit();
  }

  private String limit() {
    DataSize size = settings.maxUpload();
    return size.toMegabytes() > 0
        ? size.toMegabytes() + " MB"
        : size.toKilobytes() > 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
  }

  private String page(
      Model model, SignedIn person, Map<String, String> errors, HubProblem problem) {
    model.addAttribute("kind", FormKind.of(person.agencyType()));
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
    model.addAttribute("limit", limit());
    return "submit/upload";
  }
}
