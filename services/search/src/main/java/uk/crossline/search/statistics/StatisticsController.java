package uk.crossline.search.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.kit.audit.AuditLog;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;
import uk.crossline.model.access.AccessPolicy;
import uk.crossline.model.access.PartnerAgency;
import uk.crossline.model.audit.AuditAction;
import uk.crossline.model.audit.AuditEntryDraft;
import uk.crossline.model.location.District;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.search.limits.Allowance;
import uk.crossline.search.limits.CountsAgainst;
import uk.crossline.search.statistics.Statistics.Heading;
import uk.crossline.search.statistics.StatisticsRequest.Format;

/**
 * {@code GET /api/v1/statistics}: the partnership's statistics for the scrutiny panel and the
 * community safety teams, as JSON or CSV, audited like every consultation.
 */
@RestController
class StatisticsController {

  private final PartnershipCounts counts;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final List<Heading> districts;

  StatisticsController(PartnershipCounts counts, AccessPolicy policy, AuditLog audit) {
    this.counts = counts;
    this.policy = policy;
    this.audit = audit;
    this.clock = Clock.systemUTC();
    this.districts = partnershipDistricts(policy, Gazetteer.bundled());
  }

  @GetMapping("/api/v1/statistics")
  @CountsAgainst(Allowance.SEARCH)
  @Operation(
      summary = "Partnership statistics, small numbers suppressed",
      description =
          "Counts of the live CLEAR and GREEN events your agency receives, by partnership priority,"
              + " category, district, month observed, type of reporting agency, and priority by"
              + " district. ONS small-number rules: every count under 10 (zero included) is"
              + " suppressed ([c] in CSV, null with suppressed=true in JSON), others are rounded to"
              + " the nearest 5, and further cells are suppressed so none can be worked out from"
              + " totals. Parameters: purpose (required, 5-500 characters, for the access log),"
              + " from and to (YYYY-MM, months of observation; by default the last 12 whole"
              + " months; at most 36 months), format (json or csv; or send Accept: text/csv)."
              + " Needs the READ_STATISTICS role and an agreement that includes statistics.",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Statistics.class)),
                @Content(mediaType = StatisticsCsv.MEDIA_TYPE)
              }))
  ResponseEntity<?> statistics(
      Caller caller,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
          String accept) {
    if (!policy.mayReadStatistics(caller)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "Your agency's agreement or your role does not include reading statistics.",
          List.of());
    }
    StatisticsRequest request = StatisticsRequest.read(parameters, YearMonth.now(clock));
    Format format = request.format().orElseGet(() -> wantsCsv(accept) ? Format.CSV : Format.JSON);
    RawCounts raw = counts.count(policy.statisticsFilterFor(caller), request.from(), request.to());
    Statistics statistics =
        Tabulation.tabulate(
            policy.partnership().name(), raw, request.from(), request.to(), districts);
    // Aggregates name no event, so the entry names none: what was asked is the range. No answer
    // without its access-log entry: if the entry cannot be written, this call fails.
    audit.record(
        AuditEntryDraft.by(caller, AuditAction.STATISTICS, request.purpose())
            .with("from", request.from().toString())
            .with("to", request.to().toString())
            .with("format", format.name().toLowerCase(Locale.ROOT)));
    return switch (format) {
      case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statistics);
      case CSV ->
          ResponseEntity.ok()
              .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
              .header(
                  HttpHeaders.CONTENT_DISPOSITION,
                  "attachment; filename=\"crossline-statistics-"
                      + request.from()
                      + "-to-"
                      + request.to()
                      + ".csv\"")
              .body(StatisticsCsv.write(statistics));
    };
  }

  /** CSV when the caller names it among what it accepts; JSON otherwise, wildcards included. */
  private static boolean wantsCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("csv"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** The districts the partnership's members serve, in the order the policy file lists them. */
  static List<Heading> partnershipDistricts(AccessPolicy policy, Gazetteer gazetteer) {
    Map<String, Heading> districts = new LinkedHashMap<>();
    for (PartnerAgency agency : policy.partnership().agencies()) {
      if (agency.membership().isMember()) {
        for (String id : agency.homeDistricts()) {
          districts.computeIfAbsent(
              id, key -> new Heading(key, gazetteer.district(key).map(District::name).orElse(key)));
        }
      }
    }
    return List.copyOf(districts.values());
  }
}
