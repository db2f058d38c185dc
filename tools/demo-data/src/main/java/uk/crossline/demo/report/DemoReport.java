package uk.crossline.demo.report;

/** One report of the data set and the demo user who submits it. */
public record DemoReport(Submitter submitter, Form form) {

  public String reference() {
    return form.reference();
  }
}
