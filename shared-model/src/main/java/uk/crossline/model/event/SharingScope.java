package uk.crossline.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;

/**
 * Who else an AMBER or AMBER+STRICT report is shared with: named agencies (both markings) and
 * agency types (AMBER only).
 */
public record SharingScope(Set<AgencyId> agencies, Set<AgencyType> agencyTypes) {

  public SharingScope {
    agencies = Sorted.values(agencies, AgencyId::value);
    agencyTypes = Sorted.enums(AgencyType.class, agencyTypes);
  }

  public static SharingScope none() {
    return new SharingScope(Set.of(), Set.of());
  }

  @JsonIgnore
  public boolean isEmpty() {
    return agencies.isEmpty() && agencyTypes.isEmpty();
  }
}
