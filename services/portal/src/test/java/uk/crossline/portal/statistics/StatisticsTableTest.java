package uk.crossline.portal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StatisticsTableTest {

  private static final String PRIORITY =
      """
      {"name": "priority", "title": "Events by partnership priority",
       "rows": [{"key": "REDUCING_VIOLENCE_AND_ABUSE", "label": "Reducing violence and abuse"},
                {"key": "REDUCING_THEFT_AND_ACQUISITIVE_CRIME", "label": "Reducing theft"},
                {"key": "PROTECTING_VULNERABLE_COMMUNITIES", "label": "Protecting"},
                {"key": "total", "label": "Total"}],
       "columns": [{"key": "count", "label": "Events"}],
       "cells": [
         {"row": "REDUCING_VIOLENCE_AND_ABUSE", "column": "count", "count": 90, "suppressed": false},
         {"row": "REDUCING_THEFT_AND_ACQUISITIVE_CRIME", "column": "count", "count": null, "suppressed": true},
         {"row": "PROTECTING_VULNERABLE_COMMUNITIES", "column": "count", "count": 45, "suppressed": false},
         {"row": "total", "column": "count", "count": 1140, "suppressed": false}]}
      """;

  @Test
  void suppressedCellsReadAsTheApiMarksThemAndBarsScaleToTheLargestShownRow() {
    StatisticsTable table = StatisticsTable.of(JsonMapper.builder().build().readTree(PRIORITY));

    assertThat(table.oneWay()).isTrue();
    assertThat(table.rowHeader()).isEqualTo("Partnership priority");
    assertThat(table.rows())
        .extracting(r -> r.cell().text())
        .containsExactly("90", "[c]", "45", "1,140");
    assertThat(table.rows()).extracting(r -> r.cell().bar()).containsExactly(100, 0, 50, 0);
    assertThat(table.rows().get(1).cell().suppressed()).isTrue();
    assertThat(table.rows().getLast().total()).isTrue();
  }

  @Test
  void aCellTheApiLeftOutIsShownSuppressedNeverMadeUp() {
    String twoWay =
        """
        {"name": "priorityByDistrict", "title": "By priority and district",
         "rows": [{"key": "REDUCING_VIOLENCE_AND_ABUSE", "label": "Violence"}],
         "columns": [{"key": "redditch", "label": "Redditch"}, {"key": "total", "label": "Total"}],
         "cells": [{"row": "REDUCING_VIOLENCE_AND_ABUSE", "column": "total", "count": 15, "suppressed": false}]}
        """;

    StatisticsTable table = StatisticsTable.of(JsonMapper.builder().build().readTree(twoWay));

    assertThat(table.oneWay()).isFalse();
    assertThat(table.rows().getFirst().cells())
        .extracting(StatisticsTable.Cell::text)
        .containsExactly("[c]", "15");
  }
}
