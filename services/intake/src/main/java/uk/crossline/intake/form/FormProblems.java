package uk.crossline.intake.form;

import java.util.ArrayList;
import java.util.List;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.ProblemException;

/** Collects what is wrong with a form, so the submitter hears of every field at once. */
public final class FormProblems {

  private final List<FieldProblem> problems = new ArrayList<>();

  public void add(String field, String reason) {
    problems.add(new FieldProblem(field, reason));
  }

  /** A model check's message reads {@code field: reason}, relative to {@code path}. */
  void addModelProblem(String path, String message) {
    int colon = message == null ? -1 : message.indexOf(':');
    if (colon < 0) {
      add(path, String.valueOf(message));
    } else {
      String field = message.substring(0, colon).strip();
      String relative = field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
      add(path + "." + relative, message.substring(colon + 1).strip());
    }
  }

  /**
   * @throws ProblemException when anything was added
   */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(problems);
    }
  }
}
