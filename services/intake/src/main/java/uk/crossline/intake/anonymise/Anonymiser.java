package uk.crossline.intake.anonymise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.event.IdentifierRef;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.Location;
import uk.crossline.model.event.Premises;
import uk.crossline.model.event.Subject;
import uk.crossline.model.location.GeneralisedLocation;
import uk.crossline.model.location.InvalidLocationException;
import uk.crossline.model.location.LocationGeneraliser;
import uk.crossline.model.location.LocationInput;
import uk.crossline.model.location.Postcode;
import uk.crossline.model.pseudonymisation.InvalidIdentifierException;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.pseudonymisation.RedactionContext;
import uk.crossline.model.pseudonymisation.Redactor;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * Turns an observation into an anonymised report: identifiers and named people to pseudonym tokens,
 * dates of birth to age bands, a place to a district, ward, outward code and coarse point, free
 * text redacted. Every refusal names the field at fault and never the value.
 */
public final class Anonymiser {

  private final Pseudonymiser pseudonymiser;
  private final Redactor redactor;
  private final LocationGeneraliser locations;
  private final Clock clock;

  public Anonymiser(
      Pseudonymiser pseudonymiser, Redactor redactor, LocationGeneraliser locations, Clock clock) {
    this.pseudonymiser = pseudonymiser;
    this.redactor = redactor;
    this.locations = locations;
    this.clock = clock;
  }

  /**
   * @throws ProblemException listing every field that cannot be anonymised as given
   */
  public IntelligenceReport anonymise(Observation observation) {
    List<FieldProblem> problems = new ArrayList<>();
    // Ages and "old" dates are read as of the observation, not of today: a retry next year must
    // anonymise to the same report, and an age band means the age when it was seen.
    LocalDate today = observedOn(observation);

    Optional<Premises> premises = observation.premises().flatMap(p -> premises(p, problems));
    Location location = location(observation, problems);
    List<Subject> subjects = subjects(observation.subjects(), today, problems);
    List<IdentifierRef> identifiers = identifiers(observation.identifiers(), problems);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
    String summary =
        redactor.redact(
            FreeText.clean(observation.summary()), redactionContext(observation, today));
    try {
      return new IntelligenceReport(
          observation.observedAt(),
          observation.category(),
          observation.indicators(),
          summary,
          location,
          premises,
          subjects,
          identifiers,
          observation.grading(),
          observation.marking(),
          observation.scope());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(fieldOf(e.getMessage()), reasonOf(e.getMessage()));
    }
  }

  /** Redacts other free text of the same observation (an amendment's reason). */
  public String redact(String text, Observation context) {
    return redactor.redact(FreeText.clean(text), redactionContext(context, observedOn(context)));
  }

  /** The day of the observation, or today if it was given as later than today. */
  private LocalDate observedOn(Observation observation) {
    LocalDate observed =
        LocalDate.ofInstant(observation.observedAt().at(), java.time.ZoneOffset.UTC);
    LocalDate today = LocalDate.now(clock);
    return observed.isAfter(today) ? today : observed;
  }

  private Location location(Observation observation, List<FieldProblem> problems) {
    Observation.Place place = observation.place();
    // A sector can single a person out where the report is about someone; a report about a place
    // (a shop, a park) names nobody, so its sector helps without harm.
    boolean sectorAllowed = observation.subjects().isEmpty();
    try {
      GeneralisedLocation generalised =
          locations.generalise(
              new LocationInput(
                  place.postcode(), place.district(), place.ward(), place.point(), sectorAllowed));
      return new Location(
          generalised.district().id(),
          generalised.ward(),
          generalised.outwardPostcode(),
          generalised.postcodeSector(),
          generalised.point());
    } catch (InvalidLocationException e) {
      problems.add(new FieldProblem("where." + e.field(), e.reason()));
      return null;
    }
  }

  private Optional<Premises> premises(
      Observation.PremisesDetails details, List<FieldProblem> problems) {
    try {
      Postcode postcode = Postcode.parse(details.postcode());
      return Optional.of(
          Premises.of(
              FreeText.clean(details.name()),
              FreeText.clean(details.address()),
              postcode.toString(),
              details.uprn().map(String::strip),
              details.point()));
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("premises.postcode", "not a full UK postcode"));
      return Optional.empty();
    }
  }

  private List<Subject> subjects(
      List<Observation.Person> people, LocalDate today, List<FieldProblem> problems) {
    List<Subject> subjects = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Observation.Person person = people.get(i);
      AgeBand band = person.ageBand().orElse(AgeBand.UNKNOWN);
      if (person.dateOfBirth().isPresent()) {
        try {
          AgeBand fromBirth = AgeBand.ofBirthDate(person.dateOfBirth().get(), today);
          if (person.ageBand().isPresent() && person.ageBand().get() != fromBirth) {
            problems.add(
                new FieldProblem(
                    "subjects[" + i + "].ageBand", "does not agree with the date of birth"));
          }
          band = fromBirth;
        } catch (IllegalArgumentException e) {
          problems.add(new FieldProblem("subjects[" + i + "].dateOfBirth", e.getMessage()));
        }
      }
      Optional<PseudonymToken> token = Optional.empty();
      if (person.name().isPresent()) {
        try {
          token = Optional.of(pseudonymiser.personToken(person.name().get(), person.dateOfBirth()));
        } catch (IllegalArgumentException e) {
          problems.add(new FieldProblem("subjects[" + i + "].name", "not a usable name"));
        }
      }
      subjects.add(new Subject(person.role(), band, token));
    }
    return subjects;
  }

  private List<IdentifierRef> identifiers(
      List<Observation.Identifier> given, List<FieldProblem> problems) {
    List<IdentifierRef> identifiers = new ArrayList<>();
    Set<PseudonymToken> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      Observation.Identifier identifier = given.get(i);
      if (identifier.dealLine() && identifier.type() != IdentifierType.PHONE) {
        problems.add(
            new FieldProblem("identifiers[" + i + "].dealLine", "only a phone can be a deal line"));
        continue;
      }
      try {
        PseudonymToken token = pseudonymiser.token(identifier.type(), identifier.value());
        if (seen.add(token)) {
          identifiers.add(new IdentifierRef(identifier.type(), token, identifier.dealLine()));
        }
      } catch (InvalidIdentifierException e) {
        problems.add(new FieldProblem("identifiers[" + i + "].value", e.getMessage()));
      }
    }
    return identifiers;
  }

  private static Set<String> cleaned(Set<String> texts) {
    Set<String> cleaned = new HashSet<>();
    for (String text : texts) {
      String clean = FreeText.clean(text);
      if (!clean.isBlank()) {
        cleaned.add(clean);
      }
    }
    return cleaned;
  }

  private static RedactionContext redactionContext(Observation observation, LocalDate today) {
    Set<String> names = new HashSet<>();
    observation.subjects().forEach(person -> person.name().ifPresent(names::add));
    // Handles look like ordinary words to a pattern; redact the ones the form named.
    observation.identifiers().stream()
        .filter(identifier -> identifier.type() == IdentifierType.SOCIAL_MEDIA)
        .map(identifier -> identifier.value().replaceFirst("^.*:", "").replaceFirst("^@", ""))
        .forEach(names::add);
    Set<String> keep = new HashSet<>();
    observation
        .premises()
        .ifPresent(
            premises -> {
              keep.add(premises.name());
              keep.add(premises.address());
              keep.add(premises.postcode());
            });
    // Each identifier given is redacted wherever the text repeats it, whatever its form.
    Map<IdentifierType, Set<String>> given = new EnumMap<>(IdentifierType.class);
    observation
        .identifiers()
        .forEach(
            identifier ->
                given
                    .computeIfAbsent(identifier.type(), type -> new HashSet<>())
                    .add(identifier.value()));
    given.replaceAll((type, values) -> cleaned(values));
    // The text is cleaned before it is redacted, so the names to find in it must be too: a name
    // given as "Da<ZWSP>ve" is "Dave" in the cleaned text.
    return new RedactionContext(cleaned(names), cleaned(keep), today, given);
  }

  /** Messages of the model's checks read {@code field: reason}. */
  private static String fieldOf(String message) {
    int colon = message == null ? -1 : message.indexOf(':');
    return colon < 0 ? "" : message.substring(0, colon).strip();
  }

  private static String reasonOf(String message) {
    int colon = message == null ? -1 : message.indexOf(':');
    return colon < 0 ? String.valueOf(message) : message.substring(colon + 1).strip();
  }
}
