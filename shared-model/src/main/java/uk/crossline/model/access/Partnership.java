package uk.crossline.model.access;

import java.io.InputStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.policy.PolicyFiles;
import uk.crossline.model.policy.PolicyFormatException;
import uk.crossline.model.vocabulary.Tlp;

/**
 * The partnership the hub serves: its agencies, the data sharing agreement each is bound by, which
 * markings may disclose that a search matched a hidden event, and who sees the restricted field
 * groups. From {@code infra/policy/partnership.yml}; {@link AccessPolicy} applies it.
 *
 * <p>An agency is bound by an agreement of its own where the file gives one, otherwise by its
 * agency type's. An agency outside the partnership (a neighbour) must have its own, so that adding
 * one never hands it what members of its type receive.
 *
 * @param version the file's version, recorded with what it decides
 * @param agencies in the file's order
 * @param typeAgreements the agreement of each agency type, for members without one of their own
 * @param agencyAgreements agreements of single agencies, replacing their type's
 * @param matchDisclosure the markings whose events a searcher who may not see them may learn
 *     matched its search; never RED or AMBER+STRICT
 * @param fieldAccess who sees each restricted field group; every group
 */
public record Partnership(
    int version,
    String name,
    List<PartnerAgency> agencies,
    Map<AgencyType, Agreement> typeAgreements,
    Map<AgencyId, Agreement> agencyAgreements,
    Set<Tlp> matchDisclosure,
    Map<FieldGroup, FieldRule> fieldAccess) {

  /** The file's name in {@code infra/policy/} and on the classpath under {@code policy/}. */
  public static final String FILE = "partnership.yml";

  public Partnership {
    if (version < 1) {
      throw refused("version", "a whole number from 1");
    }
    if (name == null || name.isBlank()) {
      throw refused("name", "required: the partnership's name");
    }
    agencies = List.copyOf(agencies);
    if (agencies.isEmpty()) {
      throw refused("agencies", "required: at least one agency");
    }
    Set<AgencyId> ids = new HashSet<>();
    for (PartnerAgency agency : agencies) {
      if (!ids.add(agency.id())) {
        throw refused("agencies." + agency.id(), "listed twice");
      }
    }
    typeAgreements =
        typeAgreements.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(typeAgreements));
    agencyAgreements = Collections.unmodifiableMap(new LinkedHashMap<>(agencyAgreements));
    for (AgencyId id : agencyAgreements.keySet()) {
      if (!ids.contains(id)) {
        throw refused("agreements.agencies." + id, "not an agency of the partnership's `agencies`");
      }
    }
    for (PartnerAgency agency : agencies) {
      if (agencyAgreements.containsKey(agency.id())) {
        continue;
      }
      if (!agency.membership().isMember()) {
        throw refused(
            "agreements.agencies." + agency.id(),
            "required: an agency outside the partnership ("
                + agency.membership().label()
                + ") needs an agreement of its own");
      }
      if (!typeAgreements.containsKey(agency.type())) {
        throw refused(
            "agreements.agency-types." + agency.type(),
            "required: " + agency.id() + " is of this type and has no agreement of its own");
      }
    }
    matchDisclosure =
        matchDisclosure.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(matchDisclosure));
    for (Tlp tlp : List.of(Tlp.RED, Tlp.AMBER_STRICT)) {
      if (matchDisclosure.contains(tlp)) {
        throw refused(
            "match-disclosure", tlp.label() + " is never disclosed, not even that a match exists");
      }
    }
    for (FieldGroup group : FieldGroup.values()) {
      if (!fieldAccess.containsKey(group)) {
        throw refused("field-access." + group.label(), "required: who sees this field group");
      }
    }
    fieldAccess = Collections.unmodifiableMap(new EnumMap<>(fieldAccess));
  }

  /**
   * Reads a partnership file.
   *
   * @throws PolicyFormatException naming the key at fault: an unknown key, agency, agency type,
   *     district, category, marking or role; a missing key; an agency without an agreement
   */
  public static Partnership load(InputStream yaml) {
    return PartnershipFile.read(PolicyFiles.read(yaml, FILE));
  }

  /** The partnership bundled with this build, from {@code infra/policy/partnership.yml}. */
  public static Partnership bundled() {
    return PartnershipFile.read(PolicyFiles.bundled(FILE));
  }

  public Optional<PartnerAgency> agency(AgencyId id) {
    return agencies.stream().filter(agency -> agency.id().equals(id)).findFirst();
  }

  /** The agreement the agency is bound by: its own, or its agency type's. */
  public Optional<Agreement> agreementOf(AgencyId id) {
    return agency(id)
        .map(
            agency ->
                Objects.requireNonNullElse(
                    agencyAgreements.get(id), typeAgreements.get(agency.type())));
  }

  static PolicyFormatException refused(String key, String reason) {
    return new PolicyFormatException(FILE, key, reason);
  }
}
