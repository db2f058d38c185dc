package uk.crossline.intake.form;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.vocabulary.Classification;
import uk.crossline.model.vocabulary.Tlp;

/**
 * How the submitter marks the report, and who an AMBER report is shared with.
 *
 * @param officialSensitive the OFFICIAL-SENSITIVE handling caveat applies
 * @param shareWithAgencies agency ids named for AMBER and AMBER+STRICT
 * @param shareWithAgencyTypes agency types for AMBER
 */
public record MarkingForm(
    @NotNull Tlp tlp,
    Boolean officialSensitive,
    @Size(max = 50) List<String> shareWithAgencies,
    @Size(max = 5) List<AgencyType> shareWithAgencyTypes) {

  Marking toMarking() {
    return new Marking(tlp, Classification.OFFICIAL, Boolean.TRUE.equals(officialSensitive));
  }

  SharingScope toScope(FormProblems problems, String path) {
    Set<AgencyId> agencies = new HashSet<>();
    List<String> named = Objects.requireNonNullElse(shareWithAgencies, List.of());
    for (int i = 0; i < named.size(); i++) {
      try {
        agencies.add(AgencyId.of(named.get(i)));
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(path + ".shareWithAgencies[" + i + "]", "not an agency id");
      }
    }
    return new SharingScope(
        agencies, new HashSet<>(Objects.requireNonNullElse(shareWithAgencyTypes, List.of())));
  }
}
