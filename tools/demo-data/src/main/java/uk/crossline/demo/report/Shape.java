package uk.crossline.demo.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.crossline.model.AgencyType;
import uk.crossline.model.event.Premises;
import uk.crossline.model.location.Postcode;
import uk.crossline.model.pseudonymisation.Normaliser;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

/**
 * What a data set holds, counted as the hub will see it: identifiers compared after the hub's own
 * normalisation, premises by the hub's own premises key. It is what the loader prints and what the
 * tests check the world against.
 *
 * @param identifierAgencyTypes each identifier (normalised) and the agency types that reported it
 * @param premisesAgencies each premises key and the agencies that named it
 */
public record Shape(
    Map<Submitter, Integer> perSubmitter,
    Map<Category, Integer> perCategory,
    Map<Tlp, Integer> perTlp,
    Map<String, Set<AgencyType>> identifierAgencyTypes,
    Map<String, Set<String>> premisesAgencies,
    int graded,
    int handlingConditions) {

  public static Shape of(Map<Submitter, List<DemoReport>> data) {
    Map<Submitter, Integer> perSubmitter = new EnumMap<>(Submitter.class);
    Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
    Map<Tlp, Integer> perTlp = new EnumMap<>(Tlp.class);
    Map<String, Set<AgencyType>> identifiers = new TreeMap<>();
    Map<String, Set<String>> premises = new TreeMap<>();
    int graded = 0;
    int conditions = 0;
    for (var entry : data.entrySet()) {
      perSubmitter.put(entry.getKey(), entry.getValue().size());
      for (DemoReport report : entry.getValue()) {
        Form form = report.form();
        perCategory.merge(form.category(), 1, Integer::sum);
        perTlp.merge(form.marking().tlp(), 1, Integer::sum);
        for (Form.IdentifierEntry identifier : form.identifiers()) {
          identifiers
              .computeIfAbsent(
                  identifier.type()
                      + ":"
                      + Normaliser.normalise(identifier.type(), identifier.value()),
                  k -> EnumSet.noneOf(AgencyType.class))
              .add(report.submitter().agencyType());
        }
        form.premisesNamed()
            .ifPresent(
                p ->
                    premises
                        .computeIfAbsent(premisesKey(p), k -> new TreeSet<>())
                        .add(report.submitter().agency()));
        Optional<Form.Grading> grading = gradingOf(form);
        if (grading.isPresent()) {
          graded++;
          if (grading.get().handling().equals("C")) {
            conditions++;
          }
        }
      }
    }
    return new Shape(perSubmitter, perCategory, perTlp, identifiers, premises, graded, conditions);
  }

  /** The key the hub gives the premises: its UPRN, else its postcode and name. */
  static String premisesKey(Form.PremisesEntry premises) {
    return Premises.of(
            premises.name(),
            premises.address(),
            Postcode.parse(premises.postcode()).toString(),
            premises.uprn(),
            Optional.empty())
        .key();
  }

  private static Optional<Form.Grading> gradingOf(Form form) {
    return switch (form) {
      case Form.Police police -> Optional.of(police.grading());
      case Form.TradingStandards ts -> ts.grading();
      case Form.Safeguarding s -> Optional.empty();
      case Form.Council c -> Optional.empty();
    };
  }

  public int reports() {
    return perSubmitter.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Identifiers reported by agencies of two or more types: the links across agencies. */
  public long identifiersAcrossAgencyTypes() {
    return identifierAgencyTypes.values().stream().filter(types -> types.size() >= 2).count();
  }

  /** Premises named by two or more agencies. */
  public long premisesAcrossAgencies() {
    return premisesAgencies.values().stream().filter(agencies -> agencies.size() >= 2).count();
  }

  /** The shape in a few lines for people. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("categories: " + join(perCategory));
    lines.add("markings:   " + join(perTlp));
    lines.add(
        "links:      "
            + identifierAgencyTypes.size()
            + " distinct identifiers, "
            + identifiersAcrossAgencyTypes()
            + " reported by 2+ agency types; "
            + premisesAgencies.size()
            + " premises, "
            + premisesAcrossAgencies()
            + " named by 2+ agencies");
    lines.add(
        "grading:    "
            + graded
            + " graded (3x5x2), "
            + handlingConditions
            + " with handling code C, "
            + (reports() - graded)
            + " ungraded");
    return lines;
  }

  private static String join(Map<?, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> label(e.getKey()) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String label(Object key) {
    return key instanceof Tlp tlp ? tlp.label() : key.toString();
  }
}
