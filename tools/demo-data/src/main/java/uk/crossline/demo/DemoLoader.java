package uk.crossline.demo;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import uk.crossline.demo.intake.IdentityProvider;
import uk.crossline.demo.intake.IntakeClient;
import uk.crossline.demo.intake.LoadFailure;
import uk.crossline.demo.intake.Outcome;
import uk.crossline.demo.report.DemoReport;
import uk.crossline.demo.report.Form;
import uk.crossline.demo.report.FormJson;
import uk.crossline.demo.report.ReportGenerator;
import uk.crossline.demo.report.Shape;
import uk.crossline.demo.report.Submitter;

/**
 * Loads the demo data set into a running hub: generates it from the seed, then, agency by agency,
 * takes a real token for the agency's demo user and submits that agency's reports through the
 * intake, most in one NDJSON bulk upload and a few one at a time, as the agency's systems and
 * people would.
 */
public final class DemoLoader {

  static final int OK = 0;
  static final int REFUSED = 1;
  static final int BAD_ARGUMENTS = 2;
  static final int CANNOT_LOAD = 3;

  /** Row problems printed per agency; the counts stay exact beyond it. */
  private static final int ERRORS_SHOWN = 20;

  private final PrintStream out;
  private final PrintStream err;

  DemoLoader(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(
        new DemoLoader(System.out, System.err).run(args, System.getenv("CROSSLINE_DEMO_PASSWORD")));
  }

  int run(String[] args, String password) {
    LoaderOptions options;
    try {
      options = LoaderOptions.parse(args, password);
    } catch (LoaderOptions.HelpRequested e) {
      out.print(LoaderOptions.USAGE);
      return OK;
    } catch (LoaderOptions.UsageException e) {
      err.println("demo-data: " + e.getMessage());
      err.print(LoaderOptions.USAGE);
      return BAD_ARGUMENTS;
    }
    long started = System.nanoTime();
    var generator = new ReportGenerator(options.seed(), options.asOf());
    Map<Submitter, List<DemoReport>> data = generator.generate(options.reports());
    Shape shape = Shape.of(data);
    out.printf(
        "Crossline demo data: %d reports, seed %d, the 18 months to %s%n",
        shape.reports(), options.seed(), options.asOf());
    shape.describe().forEach(line -> out.println("  " + line));
    if (options.dryRun()) {
      data.forEach((s, reports) -> out.printf("  %s: %d reports%n", s.username(), reports.size()));
      return OK;
    }
    try {
      return load(options, data, started);
    } catch (LoadFailure e) {
      err.println("demo-data: " + e.getMessage());
      return CANNOT_LOAD;
    }
  }

  private int load(LoaderOptions options, Map<Submitter, List<DemoReport>> data, long started) {
    var http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    var json = FormJson.mapper();
    var identity = new IdentityProvider(options.issuer(), http, json);
    var intake = new IntakeClient(options.intake(), http, json);
    out.printf("Waiting for the intake at %s ...%n", options.intake());
    intake.awaitReady(options.readyTimeout());
    out.println("Submitting:");
    Outcome total = Outcome.none();
    for (var entry : data.entrySet()) {
      Submitter submitter = entry.getKey();
      List<DemoReport> reports = entry.getValue();
      Outcome outcome = loadOne(options, identity, intake, submitter, reports);
      total = total.plus(outcome);
      out.println("  " + progress(submitter, reports.size(), outcome, options.singles()));
      outcome.errors().stream()
          .limit(ERRORS_SHOWN)
          .forEach(
              e ->
                  out.printf(
                      "      refused %s: %s%s%n",
                      e.reference(), e.field().isEmpty() ? "" : e.field() + ": ", e.reason()));
      if (outcome.errors().size() > ERRORS_SHOWN || outcome.errorsTruncated()) {
        out.println("      ... and more");
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "Done in %.1f s: %d reports, %d accepted, %d already loaded, %d refused.%n",
        seconds, total.total(), total.accepted(), total.duplicates(), total.rejected());
    return total.rejected() == 0 ? OK : REFUSED;
  }

  private Outcome loadOne(
      LoaderOptions options,
      IdentityProvider identity,
      IntakeClient intake,
      Submitter submitter,
      List<DemoReport> reports) {
    if (reports.isEmpty()) {
      return Outcome.none();
    }
    String token = identity.accessToken(submitter.username(), options.password());
    int singles = Math.min(options.singles(), reports.size());
    List<DemoReport> bulk = reports.subList(0, reports.size() - singles);
    List<Form> forms = bulk.stream().map(DemoReport::form).toList();
    Outcome outcome =
        intake.upload(token, submitter.formPath(), forms, row -> bulk.get(row - 1).reference());
    for (DemoReport single : reports.subList(reports.size() - singles, reports.size())) {
      outcome =
          outcome.plus(
              intake.submit(token, submitter.formPath(), single.form(), single.reference()));
    }
    return outcome;
  }

  static String progress(Submitter submitter, int reports, Outcome outcome, int singles) {
    var line =
        new StringBuilder(
            "%s: %d/%d reports accepted"
                .formatted(submitter.username(), outcome.accepted(), reports));
    if (outcome.duplicates() > 0) {
      line.append(", ").append(outcome.duplicates()).append(" already loaded");
    }
    if (outcome.rejected() > 0) {
      line.append(", ").append(outcome.rejected()).append(" REFUSED");
    }
    int inBulk = reports - Math.min(singles, reports);
    line.append(" (")
        .append(inBulk)
        .append(" in one bulk upload, ")
        .append(reports - inBulk)
        .append(" one at a time)");
    return line.toString();
  }
}
