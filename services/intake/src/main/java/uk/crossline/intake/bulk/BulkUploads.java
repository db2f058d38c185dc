package uk.crossline.intake.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.intake.agency.IntakeSettings;
import uk.crossline.intake.agency.ServedAgency;
import uk.crossline.intake.bulk.RowReader.Row;
import uk.crossline.intake.form.AgencyForm;
import uk.crossline.intake.form.FormValidator;
import uk.crossline.intake.submission.Submissions;
import uk.crossline.kit.problem.FieldProblem;
import uk.crossline.kit.problem.JsonProblems;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.Caller;

/**
 * Takes an upload row by row: each row read, checked and anonymised as a single report would be,
 * valid rows published in batches (one Kafka transaction each), rejected rows reported.
 */
@Service
public class BulkUploads {

  public static final String CSV = "text/csv";
  public static final String NDJSON = "application/x-ndjson";

  /** The most row problems an answer lists; the counts stay exact beyond it. */
  static final int MAX_ERRORS = 1000;

  private final Submissions submissions;
  private final FormValidator validator;
  private final RowReader reader;
  private final JsonMapper json;
  private final IntakeSettings settings;

  BulkUploads(
      Submissions submissions, FormValidator validator, JsonMapper json, IntakeSettings settings) {
    this.submissions = submissions;
    this.validator = validator;
    this.json = json;
    this.reader = new RowReader(json);
    this.settings = settings;
  }

  public <F extends AgencyForm> BulkReport upload(
      Caller caller, MediaType contentType, InputStream body, Class<F> formType)
      throws IOException {
    ServedAgency agency = submissions.agencyOf(caller);
    var upload = new Upload<>(caller, agency, formType);
    try {
      if (MediaType.parseMediaType(CSV).isCompatibleWith(contentType)) {
        reader.csv(body, upload::take);
      } else if (MediaType.parseMediaType(NDJSON).isCompatibleWith(contentType)) {
        reader.ndjson(body, upload::take);
      } else {
        throw new ProblemException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Unsupported upload",
            "Upload CSV (" + CSV + ") or NDJSON (" + NDJSON + ").",
            List.of());
      }
    } catch (InvalidUploadException e) {
      upload.flush();
      upload.fail(e.row(), e.getMessage());
      return upload.report();
    }
    upload.flush();
    return upload.report();
  }

  /** The state of one upload as it streams. */
  private final class Upload<F extends AgencyForm> {

    private final Caller caller;
    private final ServedAgency agency;
    private final Class<F> formType;
    private final List<Submissions.Prepared> batch = new ArrayList<>();
    private final List<Integer> batchRows = new ArrayList<>();
    private final List<BulkReport.RowError> errors = new ArrayList<>();
    private int rows;
    private int accepted;
    private int duplicates;
    private int rejected;
    private boolean truncated;
    private boolean formChecked;

    Upload(Caller caller, ServedAgency agency, Class<F> formType) {
      this.caller = caller;
      this.agency = agency;
      this.formType = formType;
    }

    void take(Row row) {
      rows++;
      if (rows > settings.bulkMaxRows()) {
        if (rows == settings.bulkMaxRows() + 1) {
          error(
              row.number(),
              "",
              "beyond the limit of " + settings.bulkMaxRows() + " rows; not read");
        }
        rejected++;
        return;
      }
      switch (row) {
        case Row.Unreadable unreadable -> reject(row.number(), List.of(unreadable.problem()));
        case Row.Read read -> read(read);
      }
    }

    private void read(Row.Read row) {
      F form;
      try {
        form = json.treeToValue(row.json(), formType);
      } catch (JacksonException e) {
        reject(row.number(), List.of(JsonProblems.explain(e)));
        return;
      }
      if (!formChecked) {
        // Refuses the whole upload (403) if the form is not the caller's agency type's.
        submissions.agencyOf(caller, form);
        formChecked = true;
      }
      List<FieldProblem> problems = validator.problemsOf(form);
      if (!problems.isEmpty()) {
        reject(row.number(), problems);
        return;
      }
      try {
        batch.add(submissions.prepare(agency, form.toObservation()));
        batchRows.add(row.number());
      } catch (ProblemException e) {
        reject(
            row.number(),
            e.errors().isEmpty() ? List.of(new FieldProblem("", e.getMessage())) : e.errors());
        return;
      }
      if (batch.size() >= settings.bulkBatchSize()) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<Submissions.BatchResult> results = submissions.reportAll(agency, List.copyOf(batch));
      for (int i = 0; i < results.size(); i++) {
        int row = batchRows.get(i);
        switch (results.get(i)) {
          case Submissions.BatchResult.Accepted ok -> {
            if (ok.outcome().duplicate()) {
              duplicates++;
            } else {
              accepted++;
            }
          }
          case Submissions.BatchResult.Refused refused -> {
            rejected++;
            refused.problem().errors().forEach(p -> error(row, p.field(), p.reason()));
            if (refused.problem().errors().isEmpty()) {
              error(row, "", refused.problem().getMessage());
            }
          }
        }
      }
      batch.clear();
      batchRows.clear();
    }

    private void reject(int row, List<FieldProblem> problems) {
      rejected++;
      submissions.countRejected(agency, 1);
      for (FieldProblem problem : problems) {
        error(row, problem.field(), problem.reason());
      }
    }

    void fail(int row, String reason) {
      error(row, "", reason);
    }

    private void error(int row, String field, String reason) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(new BulkReport.RowError(row, field, reason));
      } else {
        truncated = true;
      }
    }

    BulkReport report() {
      return new BulkReport(rows, accepted, duplicates, rejected, List.copyOf(errors), truncated);
    }
  }
}
