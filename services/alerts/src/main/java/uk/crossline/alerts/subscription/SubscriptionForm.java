package uk.crossline.alerts.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.subscription.Area;
import uk.crossline.model.subscription.Channel;
import uk.crossline.model.subscription.DigestPeriod;
import uk.crossline.model.subscription.GradingThreshold;
import uk.crossline.model.subscription.Pacing;
import uk.crossline.model.subscription.Subscription;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;

/**
 * A subscription as a person writes it, read strictly: every field at fault is named, unknown
 * fields are refused, and what the subscriber's access does not allow them to filter on is refused
 * too, since a filter on a field is a way of learning it.
 */
record SubscriptionForm(
    String name,
    String purpose,
    List<Area> areas,
    Set<Category> categories,
    Set<Indicator> indicators,
    Optional<GradingThreshold> minimumGrading,
    Channel channel,
    Optional<URI> webhookUrl,
    Pacing pacing) {

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "purpose",
          "areas",
          "categories",
          "indicators",
          "minimumGrading",
          "channel",
          "webhook",
          "digest",
          "maxAlertsPerHour",
          "paused");
  private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

  /** What the subscriber may filter on, from the access policy. */
  record Allowed(AlertDetail detail, boolean gradingDetail) {}

  /**
   * @param allowLocalHttp whether a webhook may be plain http to this machine (local runs, tests)
   */
  static SubscriptionForm read(
      Map<String, Object> body, Gazetteer gazetteer, Allowed allowed, boolean allowLocalHttp) {
    if (body == null) {
      throw ProblemException.invalid("", "a JSON object is required");
    }
    List<FieldProblem> problems = new ArrayList<>();
    body.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .forEach(name -> problems.add(new FieldProblem(name, "not a field of a subscription")));
    String name =
        text(
            body.get("name"), "name", 1, Subscription.MAX_NAME, "a label for your inbox", problems);
    String purpose =
        text(
            body.get("purpose"),
            "purpose",
            Subscription.MIN_PURPOSE,
            Subscription.MAX_PURPOSE,
            "why you need these alerts; every delivery is logged with it",
            problems);
    List<Area> areas = areas(body.get("areas"), gazetteer, allowed, problems);
    Set<Category> categories =
        enums(body.get("categories"), "categories", Category.class, problems);
    Set<Indicator> indicators =
        enums(body.get("indicators"), "indicators", Indicator.class, problems);
    if (!indicators.isEmpty() && allowed.detail() != AlertDetail.FULL) {
      problems.add(
          new FieldProblem(
              "indicators",
              "your agency's alerts carry district detail only, which does not include"
                  + " indicators: leave them out"));
    }
    Optional<GradingThreshold> grading = grading(body.get("minimumGrading"), allowed, problems);
    Channel channel = channel(body.get("channel"), problems);
    Optional<URI> webhookUrl = webhook(body.get("webhook"), channel, allowLocalHttp, problems);
    Pacing pacing =
        pacing(body.get("digest"), body.get("maxAlertsPerHour"), body.get("paused"), problems);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    return new SubscriptionForm(
        name, purpose, areas, categories, indicators, grading, channel, webhookUrl, pacing);
  }

  /**
   * {@code digest}: HOURLY or DAILY for digests only (each alert as it comes when left out); {@code
   * maxAlertsPerHour}: single alerts in a clock hour before the rest of the hour's come in one
   * digest (default {@value Pacing#DEFAULT_MAX_ALERTS_PER_HOUR}), without a digest only.
   */
  private static Pacing pacing(
      Object digest, Object maxPerHour, Object paused, List<FieldProblem> problems) {
    if (paused != null && !(paused instanceof Boolean)) {
      problems.add(new FieldProblem("paused", "true or false"));
    }
    Optional<DigestPeriod> period = Optional.empty();
    if (digest != null) {
      try {
        period = Optional.of(DigestPeriod.valueOf(String.valueOf(digest)));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                "digest", "HOURLY or DAILY; leave it out to have each alert as it comes"));
      }
    }
    int max = Pacing.DEFAULT_MAX_ALERTS_PER_HOUR;
    if (maxPerHour != null) {
      if (digest != null) {
        problems.add(
            new FieldProblem("maxAlertsPerHour", "only without a digest: a digest has no rate"));
      } else if (maxPerHour instanceof Integer number
          && number >= 1
          && number <= Pacing.MAX_ALERTS_PER_HOUR) {
        max = number;
      } else {
        problems.add(
            new FieldProblem(
                "maxAlertsPerHour",
                "a whole number from 1 to "
                    + Pacing.MAX_ALERTS_PER_HOUR
                    + ": single alerts an hour before the rest of the hour's come in one digest"));
      }
    }
    return new Pacing(period, max, Boolean.TRUE.equals(paused));
  }

  private static String text(
      Object value, String field, int min, int max, String what, List<FieldProblem> problems) {
    if (!(value instanceof String text)) {
      problems.add(new FieldProblem(field, "required, text: " + what));
      return "";
    }
    String stripped = text.strip();
    if (stripped.length() < min || stripped.length() > max) {
      problems.add(new FieldProblem(field, min + " to " + max + " characters: " + what));
    } else if (stripped.chars().anyMatch(SubscriptionForm::hidesOrReorders)) {
      // Names and purposes are shown to people (the inbox, the access log) as written: nothing
      // invisible may hide or reorder what they read.
      problems.add(
          new FieldProblem(
              field, "must not contain control, invisible or right-to-left formatting characters"));
    }
    return stripped;
  }

  /** Control, zero-width and bidi formatting characters, byte order marks, unpaired surrogates. */
  private static boolean hidesOrReorders(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
  }

  private static List<Area> areas(
      Object value, Gazetteer gazetteer, Allowed allowed, List<FieldProblem> problems) {
    if (!(value instanceof List<?> list)
        || list.isEmpty()
        || list.size() > Subscription.MAX_AREAS) {
      problems.add(
          new FieldProblem(
              "areas",
              "required: 1 to "
                  + Subscription.MAX_AREAS
                  + " areas, each {type: DISTRICT, district}, {type: OUTWARD, outward} or"
                  + " {type: RADIUS, lat, lon, km}"));
      return List.of();
    }
    List<Area> areas = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      area(list.get(i), "areas[" + i + "]", gazetteer, allowed, problems).ifPresent(areas::add);
    }
    return areas;
  }

  private static Optional<Area> area(
      Object value,
      String field,
      Gazetteer gazetteer,
      Allowed allowed,
      List<FieldProblem> problems) {
    if (!(value instanceof Map<?, ?> area)) {
      problems.add(new FieldProblem(field, "an object with a type"));
      return Optional.empty();
    }
    Object type = area.get("type");
    Set<String> keys = new java.util.TreeSet<>();
    area.keySet().forEach(key -> keys.add(String.valueOf(key)));
    if (!"DISTRICT".equals(type) && allowed.detail() != AlertDetail.FULL) {
      problems.add(
          new FieldProblem(
              field + ".type",
              "your agency's alerts carry district detail only: subscribe by DISTRICT"));
      return Optional.empty();
    }
    if ("DISTRICT".equals(type)) {
      if (!only(keys, Set.of("type", "district"), field, problems)) {
        return Optional.empty();
      }
      if (area.get("district") instanceof String district
          && gazetteer.district(district).isPresent()) {
        return Optional.of(new Area.District(district));
      }
      problems.add(new FieldProblem(field + ".district", "required, a gazetteer district id"));
      return Optional.empty();
    }
    if ("OUTWARD".equals(type)) {
      if (!only(keys, Set.of("type", "outward"), field, problems)) {
        return Optional.empty();
      }
      if (area.get("outward") instanceof String outward) {
        String code = outward.strip().toUpperCase(Locale.ROOT);
        if (gazetteer.knowsOutward(code)) {
          return Optional.of(new Area.Outward(code));
        }
      }
      problems.add(
          new FieldProblem(field + ".outward", "required, an outward postcode the hub knows"));
      return Optional.empty();
    }
    if ("RADIUS".equals(type)) {
      if (!only(keys, Set.of("type", "lat", "lon", "km"), field, problems)) {
        return Optional.empty();
      }
      boolean ok = true;
      double lat = number(area.get("lat"));
      double lon = number(area.get("lon"));
      double km = number(area.get("km"));
      if (!(lat >= -90 && lat <= 90)) {
        problems.add(new FieldProblem(field + ".lat", "required, a latitude (WGS84 degrees)"));
        ok = false;
      }
      if (!(lon >= -180 && lon <= 180)) {
        problems.add(new FieldProblem(field + ".lon", "required, a longitude (WGS84 degrees)"));
        ok = false;
      }
      if (!(km > 0 && km <= Area.MAX_RADIUS_KM)) {
        problems.add(
            new FieldProblem(
                field + ".km", "required, more than 0 and at most " + (int) Area.MAX_RADIUS_KM));
        ok = false;
      }
      return ok ? Optional.of(new Area.Radius(new GeoPoint(lat, lon), km)) : Optional.empty();
    }
    problems.add(new FieldProblem(field + ".type", "one of DISTRICT, OUTWARD, RADIUS"));
    return Optional.empty();
  }

  private static boolean only(
      Set<String> keys, Set<String> allowed, String field, List<FieldProblem> problems) {
    boolean ok = true;
    for (String key : keys) {
      if (!allowed.contains(key)) {
        problems.add(new FieldProblem(field + "." + key, "not a field of this area"));
        ok = false;
      }
    }
    return ok;
  }

  private static double number(Object value) {
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }

  private static <E extends Enum<E>> Set<E> enums(
      Object value, String field, Class<E> type, List<FieldProblem> problems) {
    EnumSet<E> set = EnumSet.noneOf(type);
    if (value == null) {
      return set;
    }
    if (!(value instanceof List<?> list)) {
      problems.add(new FieldProblem(field, "a list; leave it out for any"));
      return set;
    }
    for (int i = 0; i < list.size(); i++) {
      try {
        set.add(Enum.valueOf(type, String.valueOf(list.get(i))));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                field + "[" + i + "]",
                "not a known value; expected one of "
                    + String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList())));
      }
    }
    return set;
  }

  private static Optional<GradingThreshold> grading(
      Object value, Allowed allowed, List<FieldProblem> problems) {
    if (value == null) {
      return Optional.empty();
    }
    if (!allowed.gradingDetail()) {
      // Alerts filtered by grading would tell the subscriber each alerted event's grading.
      problems.add(
          new FieldProblem(
              "minimumGrading", "your access does not include grading detail: leave it out"));
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> grading)) {
      problems.add(
          new FieldProblem("minimumGrading", "an object {source, intelligence, includeUngraded}"));
      return Optional.empty();
    }
    boolean ok = true;
    for (Object key : grading.keySet()) {
      if (!Set.of("source", "intelligence", "includeUngraded").contains(key)) {
        problems.add(new FieldProblem("minimumGrading." + key, "not a field of a grading"));
        ok = false;
      }
    }
    SourceEvaluation source = null;
    try {
      source = SourceEvaluation.parse(String.valueOf(grading.get("source")));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("minimumGrading.source", "required: 1, 2 or 3"));
      ok = false;
    }
    IntelligenceAssessment intelligence = null;
    try {
      intelligence = IntelligenceAssessment.valueOf(String.valueOf(grading.get("intelligence")));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("minimumGrading.intelligence", "required: A, B, C, D or E"));
      ok = false;
    }
    Object ungraded =
        grading.containsKey("includeUngraded") ? grading.get("includeUngraded") : true;
    if (!(ungraded instanceof Boolean)) {
      problems.add(new FieldProblem("minimumGrading.includeUngraded", "true or false"));
      ok = false;
    }
    return ok
        ? Optional.of(new GradingThreshold(source, intelligence, (Boolean) ungraded))
        : Optional.empty();
  }

  private static Channel channel(Object value, List<FieldProblem> problems) {
    if (value == null) {
      return Channel.INBOX;
    }
    try {
      return Channel.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem(
              "channel",
              "not a known value; expected one of "
                  + String.join(
                      ", ", EnumSet.allOf(Channel.class).stream().map(Enum::name).toList())));
      return Channel.INBOX;
    }
  }

  /**
   * {@code webhook: {url}} for channel WEBHOOK only. https, so alerts never cross a network in
   * clear; plain http to this machine only when the setting allows it. No credentials in the URL
   * (it is shown to colleagues); no fragment (it is never sent).
   */
  private static Optional<URI> webhook(
      Object value, Channel channel, boolean allowLocalHttp, List<FieldProblem> problems) {
    if (channel != Channel.WEBHOOK) {
      if (value != null) {
        problems.add(new FieldProblem("webhook", "only with channel WEBHOOK"));
      }
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> webhook)) {
      problems.add(new FieldProblem("webhook.url", "required with channel WEBHOOK: {url}"));
      return Optional.empty();
    }
    for (Object key : webhook.keySet()) {
      if (!"url".equals(key)) {
        problems.add(
            new FieldProblem(
                "webhook." + key,
                "not a field of a webhook (the hub makes the secret and shows it once)"));
      }
    }
    String reason =
        "required, an https URL of at most 2000 characters, without user info or fragment"
            + (allowLocalHttp ? " (http only to 127.0.0.1 or localhost)" : "");
    if (!(webhook.get("url") instanceof String text) || text.isBlank() || text.length() > 2000) {
      problems.add(new FieldProblem("webhook.url", reason));
      return Optional.empty();
    }
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      problems.add(new FieldProblem("webhook.url", reason));
      return Optional.empty();
    }
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    boolean https = "https".equals(url.getScheme());
    boolean localHttp =
        allowLocalHttp && "http".equals(url.getScheme()) && LOCAL_HOSTS.contains(host);
    if (!url.isAbsolute()
        || host.isEmpty()
        || url.getRawUserInfo() != null
        || url.getRawFragment() != null
        || !(https || localHttp)) {
      problems.add(new FieldProblem("webhook.url", reason));
      return Optional.empty();
    }
    return Optional.of(url);
  }
}
