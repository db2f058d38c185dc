package uk.crossline.intake.form;

import java.util.Set;
import uk.crossline.intake.anonymise.Observation;
import uk.crossline.model.AgencyType;

/** The form of one agency type: the shared fields and what that agency's people also know. */
public interface AgencyForm {

  /** The agency types whose people use this form. */
  Set<AgencyType> usedBy();

  /** The shared fields, which sit at the top level of the form's JSON. */
  ReportFields fields();

  /**
   * @throws uk.crossline.kit.problem.ProblemException naming every field at fault
   */
  Observation toObservation();
}
