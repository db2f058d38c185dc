package uk.crossline.model.projection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.crossline.model.event.Grading;
import uk.crossline.model.event.IdentifierRef;
import uk.crossline.model.event.IntelligenceAmended;
import uk.crossline.model.event.IntelligenceEvent;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.event.IntelligenceRetracted;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Premises;
import uk.crossline.model.event.Subject;
import uk.crossline.model.location.GeoPoint;

/**
 * The document that represents an event in the projection, as the JSON source Elasticsearch stores
 * (field names as in {@code infra/elasticsearch/index-templates/crossline-intelligence.json}). A
 * report and an amendment give the whole document; a retraction gives a tombstone that keeps who
 * retracted what and when, and nothing of the content.
 */
public final class IntelligenceDocuments {

  private IntelligenceDocuments() {}

  /** The document's source for an event, indexed at {@code indexedAt}. */
  public static Map<String, Object> source(IntelligenceEvent event, Instant indexedAt) {
    Map<String, Object> source = header(event, indexedAt);
    switch (event) {
      case IntelligenceReported reported -> content(source, reported.report());
      case IntelligenceAmended amended -> {
        content(source, amended.report());
        source.put("amendmentReason", amended.reason());
      }
      case IntelligenceRetracted retracted -> {
        source.put("status", DocumentStatus.RETRACTED.name());
        source.put("retraction", retraction(retracted));
      }
    }
    return source;
  }

  private static Map<String, Object> header(IntelligenceEvent event, Instant indexedAt) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("eventId", event.eventId().value());
    source.put("kind", event.kind().name());
    source.put("schemaVersion", event.schemaVersion());
    source.put("version", event.revision());
    source.put("status", DocumentStatus.ACTIVE.name());
    Map<String, Object> agency = new LinkedHashMap<>();
    agency.put("id", event.agency().id().value());
    agency.put("type", event.agency().type().name());
    agency.put("homeDistricts", event.agency().homeDistricts());
    source.put("agency", agency);
    source.put("submittedAt", event.submittedAt().toString());
    source.put("indexedAt", indexedAt.toString());
    source.put("originRefHash", event.originRefHash());
    return source;
  }

  private static void content(Map<String, Object> source, IntelligenceReport report) {
    source.put("observedAt", report.observedAt().at().toString());
    source.put("observedAtPrecision", report.observedAt().precision().name());
    source.put("category", report.category().name());
    source.put("priority", report.priority().name());
    source.put("themes", report.themes().stream().map(Enum::name).sorted().toList());
    source.put("indicators", report.indicators().stream().map(Enum::name).toList());
    source.put("summary", report.summary());
    source.put("location", location(report.location()));
    report.premises().ifPresent(premises -> source.put("premises", premises(premises)));
    source.put("subjects", report.subjects().stream().map(IntelligenceDocuments::subject).toList());
    source.put(
        "identifiers",
        report.identifiers().stream().map(IntelligenceDocuments::identifier).toList());
    source.put("grading", grading(report));
    Map<String, Object> marking = new LinkedHashMap<>();
    marking.put("tlp", report.marking().tlp().name());
    marking.put("classification", report.marking().classification().name());
    marking.put("sensitive", report.marking().sensitive());
    source.put("marking", marking);
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("agencies", report.scope().agencies().stream().map(a -> a.value()).toList());
    scope.put("agencyTypes", report.scope().agencyTypes().stream().map(Enum::name).toList());
    source.put("scope", scope);
  }

  private static Map<String, Object> location(Location location) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("district", location.district());
    location.ward().ifPresent(ward -> json.put("ward", ward));
    location.outwardPostcode().ifPresent(outward -> json.put("outwardPostcode", outward));
    location.postcodeSector().ifPresent(sector -> json.put("postcodeSector", sector));
    location.point().ifPresent(point -> json.put("point", point(point)));
    return json;
  }

  private static Map<String, Object> premises(Premises premises) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", premises.key());
    json.put("name", premises.name());
    json.put("address", premises.address());
    json.put("postcode", premises.postcode());
    premises.uprn().ifPresent(uprn -> json.put("uprn", uprn));
    premises.point().ifPresent(point -> json.put("point", point(point)));
    return json;
  }

  private static Map<String, Object> subject(Subject subject) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("role", subject.role().name());
    json.put("ageBand", subject.ageBand().name());
    subject.token().ifPresent(token -> json.put("token", token.value()));
    return json;
  }

  private static Map<String, Object> identifier(IdentifierRef identifier) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", identifier.type().name());
    json.put("token", identifier.token().value());
    json.put("dealLine", identifier.dealLine());
    return json;
  }

  /** Ungraded reports say so, rather than leaving the field out: nobody should guess a grade. */
  private static Map<String, Object> grading(IntelligenceReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("graded", report.grading().isPresent());
    if (report.grading().isPresent()) {
      Grading grading = report.grading().get();
      json.put("source", grading.source().code());
      json.put("intelligence", grading.intelligence().name());
      json.put("handling", grading.handling().name());
      grading.conditions().ifPresent(conditions -> json.put("conditions", conditions));
    }
    return json;
  }

  private static Map<String, Object> retraction(IntelligenceRetracted retracted) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("reason", retracted.reason().name());
    json.put("retractedAt", retracted.submittedAt().toString());
    return json;
  }

  private static Map<String, Object> point(GeoPoint point) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("lat", point.lat());
    json.put("lon", point.lon());
    return json;
  }

  /** For callers that need the month an event belongs in without building the whole source. */
  public static Instant observedAt(IntelligenceEvent event) {
    return switch (event) {
      case IntelligenceReported reported -> reported.report().observedAt().at();
      case IntelligenceAmended amended -> amended.report().observedAt().at();
      case IntelligenceRetracted retracted -> retracted.submittedAt();
    };
  }
}
