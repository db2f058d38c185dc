package uk.crossline.portal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvGuardTest {

  @Test
  void theApisCsvPassesUnchanged() {
    String csv =
        "# North Worcestershire: statistics from 2026-08 to 2026-10\r\n"
            + "# Suppressed counts are shown as [c]; -5 never appears\r\n"
            + "table,row,column,value\r\n"
            + "priority,REDUCING_VIOLENCE_AND_ABUSE,count,90\r\n"
            + "month,2026-08,count,[c]\r\n"
            + "priorityByDistrict,total,total,160\r\n";

    assertThat(CsvGuard.guard(csv)).isEqualTo(csv);
  }

  @Test
  void fieldsThatASpreadsheetWouldRunAsFormulasOpenAsText() {
    String csv =
        "table,row,column,value\r\n"
            + "category,=HYPERLINK(\"x\"),count,+1\r\n"
            + "category,\"-2+3,4\",@SUM(A1),10\r\n";

    assertThat(CsvGuard.guard(csv))
        .isEqualTo(
            "table,row,column,value\r\n"
                + "category,'=HYPERLINK(\"x\"),count,'+1\r\n"
                + "category,\"'-2+3,4\",'@SUM(A1),10\r\n");
  }
}
