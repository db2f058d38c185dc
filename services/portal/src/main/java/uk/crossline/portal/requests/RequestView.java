package uk.crossline.portal.requests;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A request for one of the agency's own reports (incoming), or one of the agency's asks (outgoing),
 * as the API listed it, in words and UK times.
 *
 * @param id the request id (incoming) or the ask id (outgoing)
 * @param status PENDING, APPROVED or REFUSED (incoming); PENDING or ANSWERED (outgoing)
 * @param who the requesting agency's name (incoming), empty for outgoing
 * @param approved the reports approved so far (outgoing): event id and originator's name
 */
public record RequestView(
    String id,
    String status,
    String requestedAt,
    String who,
    String requestedBy,
    String justification,
    String eventId,
    String decidedAt,
    String decidedBy,
    String reason,
    List<Approved> approved) {

  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  /** A report an originator approved. */
  public record Approved(String eventId, String originator) {}

  static RequestView incoming(JsonNode request) {
    return new RequestView(
        request.path("requestId").asString(""),
        request.path("status").asString(""),
        moment(request.path("requestedAt").asString("")),
        request.at("/requester/name").asString(request.at("/requester/id").asString("")),
        request.path("requestedBy").asString(""),
        request.path("justification").asString(""),
        request.path("eventId").asString(""),
        moment(request.path("decidedAt").asString("")),
        request.path("decidedBy").asString(""),
        request.path("reason").asString(""),
        List.of());
  }

  static RequestView outgoing(JsonNode ask) {
    List<Approved> approved = new ArrayList<>();
    ask.path("approved")
        .forEach(
            a ->
                approved.add(
                    new Approved(
                        a.path("eventId").asString(""),
                        a.at("/originator/name").asString(a.at("/originator/id").asString("")))));
    return new RequestView(
        ask.path("askId").asString(""),
        ask.path("status").asString(""),
        moment(ask.path("requestedAt").asString("")),
        "",
        ask.path("requestedBy").asString(""),
        ask.path("justification").asString(""),
        "",
        "",
        "",
        "",
        approved);
  }

  public boolean pending() {
    return "PENDING".equals(status);
  }

  /** The status as a person reads it. */
  public String statusLabel() {
    return switch (status) {
      case "PENDING" -> "Waiting for a decision";
      case "APPROVED" -> "Approved";
      case "REFUSED" -> "Refused";
      case "ANSWERED" -> "Answered";
      default -> status;
    };
  }

  /** The GOV.UK tag colour of the status. */
  public String statusClass() {
    return switch (status) {
      case "PENDING" -> "govuk-tag--blue";
      case "APPROVED", "ANSWERED" -> "govuk-tag--green";
      case "REFUSED" -> "govuk-tag--red";
      default -> "govuk-tag--grey";
    };
  }

  static String moment(String at) {
    return at.isEmpty()
        ? ""
        : MOMENT.format(Instant.parse(at)).replace("AM", "am").replace("PM", "pm");
  }
}
