package uk.crossline.model.event;

import java.util.Objects;
import java.util.Optional;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.SubjectRole;

/**
 * A person in a report: a role, an age band and, where the submitter knew who it was, a pseudonym
 * token that links reports about the same person without naming them.
 */
public record Subject(SubjectRole role, AgeBand ageBand, Optional<PseudonymToken> token) {

  public Subject {
    Objects.requireNonNull(role, "subjects.role");
    Objects.requireNonNull(ageBand, "subjects.ageBand");
    token = Objects.requireNonNullElse(token, Optional.empty());
  }
}
