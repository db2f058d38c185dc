package uk.crossline.intake.form;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;

/**
 * Checks a form's constraints and names each field by its path in the JSON the submitter sent (the
 * shared fields are unwrapped into the top level there).
 */
@Component
public class FormValidator {

  private static final String UNWRAPPED = "fields.";

  private final Validator validator;

  FormValidator(Validator validator) {
    this.validator = validator;
  }

  /**
   * @throws ProblemException listing every constraint the form breaks
   */
  public void check(AgencyForm form) {
    List<FieldProblem> problems = problemsOf(form);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
  }

  public List<FieldProblem> problemsOf(AgencyForm form) {
    return validator.validate(form).stream()
        .map(FormValidator::problem)
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
  }

  private static FieldProblem problem(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    if (path.startsWith(UNWRAPPED)) {
      path = path.substring(UNWRAPPED.length());
    }
    // Set elements have no index; "indicators[]" reads better as the field itself.
    path = path.replace("[].", ".").replaceAll("\\[\\]$", "");
    return new FieldProblem(path, violation.getMessage());
  }
}
