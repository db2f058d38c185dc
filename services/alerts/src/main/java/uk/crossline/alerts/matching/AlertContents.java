package uk.crossline.alerts.matching;

import java.time.ZoneId;
import java.util.Optional;
import uk.crossline.alerts.inbox.AlertContent;
import uk.crossline.model.AgencyId;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.access.FieldAccess;
import uk.crossline.model.event.IntelligenceReport;

/** An event's content cut to what an alert may carry for one subscriber. */
final class AlertContents {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private AlertContents() {}

  static AlertContent of(
      AgencyId originator,
      java.time.Instant submittedAt,
      IntelligenceReport report,
      AlertDetail detail,
      FieldAccess fields) {
    Optional<AlertContent.Full> full =
        detail == AlertDetail.FULL
            ? Optional.of(full(originator, submittedAt, report, fields))
            : Optional.empty();
    return new AlertContent(
        detail,
        report.category(),
        report.priority(),
        report.marking().tlp(),
        report.marking().classificationLabel(),
        report.location().district(),
        report.observedAt().at().atZone(UK).toLocalDate(),
        full);
  }

  private static AlertContent.Full full(
      AgencyId originator,
      java.time.Instant submittedAt,
      IntelligenceReport report,
      FieldAccess fields) {
    var location = report.location();
    return new AlertContent.Full(
        originator,
        report.indicators(),
        report.summary(),
        location.ward(),
        location.outwardPostcode(),
        location.postcodeSector(),
        location.point(),
        report.premises(),
        report.subjects().stream()
            .map(
                s ->
                    new AlertContent.Subject(
                        s.role(),
                        s.ageBand(),
                        fields.subjectTokens()
                            ? s.token().map(token -> token.value())
                            : Optional.empty()))
            .toList(),
        report.identifiers().stream()
            .map(
                i ->
                    new AlertContent.Identifier(
                        i.type(),
                        fields.identifierTokens()
                            ? Optional.of(i.token().value())
                            : Optional.empty(),
                        i.dealLine()))
            .toList(),
        report
            .grading()
            .map(
                g ->
                    new AlertContent.Grading(
                        fields.gradingDetail() ? Optional.of(g.code()) : Optional.empty(),
                        g.conditions())),
        report.observedAt().at(),
        submittedAt);
  }
}
