package uk.crossline.intake.bulk;

import java.util.List;

/**
 * The answer to a bulk upload.
 *
 * @param rows data rows read
 * @param accepted rows published now
 * @param duplicates rows already published with the same content (nothing sent again)
 * @param rejected rows refused, listed in {@code errors}
 * @param errors one entry per problem of a refused row, up to {@link BulkUploads#MAX_ERRORS}
 * @param errorsTruncated more problems were found than are listed
 */
public record BulkReport(
    int rows,
    int accepted,
    int duplicates,
    int rejected,
    List<RowError> errors,
    boolean errorsTruncated) {

  /**
   * One problem of a refused row.
   *
   * @param row the row number in the upload (CSV: the header is row 1; NDJSON: line number)
   */
  public record RowError(int row, String field, String reason) {}
}
