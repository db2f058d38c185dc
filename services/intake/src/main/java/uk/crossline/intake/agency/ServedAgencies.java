package uk.crossline.intake.agency;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.crossline.model.AgencyId;
import uk.crossline.model.Caller;
import uk.crossline.model.event.OriginatingAgency;

/** The agencies of this instance, looked up by a verified caller. */
@Component
public class ServedAgencies {

  /** A reference key shorter than this is refused at start-up: a hash is only as strong as it. */
  private static final int MIN_REFERENCE_KEY_BYTES = 32;

  private final Map<AgencyId, ServedAgency> byId = new LinkedHashMap<>();

  ServedAgencies(IntakeSettings settings) {
    if (settings.agencies().isEmpty()) {
      throw new IllegalStateException(
          "crossline.intake.agencies is empty: an intake serves at least one agency");
    }
    for (IntakeSettings.Agency agency : settings.agencies()) {
      AgencyId id = AgencyId.of(agency.id());
      if (agency.type() == null) {
        throw new IllegalStateException("crossline.intake.agencies: " + id + " has no type");
      }
      byte[] key =
          agency.referenceKey() == null
              ? new byte[0]
              : agency.referenceKey().getBytes(StandardCharsets.UTF_8);
      if (key.length < MIN_REFERENCE_KEY_BYTES) {
        throw new IllegalStateException(
            "crossline.intake.agencies: the reference key of "
                + id
                + " must be at least "
                + MIN_REFERENCE_KEY_BYTES
                + " bytes");
      }
      var served =
          new ServedAgency(
              new OriginatingAgency(
                  id,
                  agency.type(),
                  agency.homeDistricts() == null ? java.util.List.of() : agency.homeDistricts()),
              key);
      if (byId.put(id, served) != null) {
        throw new IllegalStateException("crossline.intake.agencies: " + id + " is listed twice");
      }
    }
  }

  /**
   * The agency the caller acts for, if this instance serves it and the token's agency type is the
   * one configured for it.
   */
  public Optional<ServedAgency> of(Caller caller) {
    return Optional.ofNullable(byId.get(caller.agency()))
        .filter(served -> served.agency().type() == caller.agencyType());
  }

  public boolean serves(AgencyId agency) {
    return byId.containsKey(agency);
  }

  public java.util.Collection<OriginatingAgency> all() {
    return byId.values().stream().map(ServedAgency::agency).toList();
  }
}
