package uk.crossline.search.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.crossline.search.statistics.SmallNumbers.Published;
import uk.crossline.search.statistics.SmallNumbers.Sum;

class SmallNumbersTest {

  @Test
  void countsAreRoundedToTheNearestFive() {
    assertThat(SmallNumbers.round(10)).isEqualTo(10);
    assertThat(SmallNumbers.round(12)).isEqualTo(10);
    assertThat(SmallNumbers.round(13)).isEqualTo(15);
    assertThat(SmallNumbers.round(17)).isEqualTo(15);
    assertThat(SmallNumbers.round(18)).isEqualTo(20);
    assertThat(SmallNumbers.round(22)).isEqualTo(20);
    assertThat(SmallNumbers.round(1_233)).isEqualTo(1_235);
  }

  @Test
  void everyCountUnderTenIsSuppressedZeroIncludedAndTenIsShown() {
    long[] counts = {0, 1, 9, 10, 11};
    Published published = SmallNumbers.publish(counts, List.of());

    assertThat(published.isSuppressed(0)).as("0").isTrue();
    assertThat(published.isSuppressed(1)).as("1").isTrue();
    assertThat(published.isSuppressed(2)).as("9").isTrue();
    assertThat(published.shown(3)).isEqualTo(10);
    assertThat(published.shown(4)).isEqualTo(10);
  }

  @Test
  void oneWayTableWithOneSmallCellAndAShownTotalSuppressesTheNextSmallestToo() {
    // cells 0..3, total 4
    long[] counts = {50, 5, 20, 30, 105};
    Published published = SmallNumbers.publish(counts, List.of(Sum.of(4, List.of(0, 1, 2, 3))));

    assertThat(suppressedCells(published, counts.length)).containsExactly(1, 2);
    assertThat(published.shown(0)).isEqualTo(50);
    assertThat(published.shown(3)).isEqualTo(30);
    assertThat(published.shown(4)).isEqualTo(105);
  }

  @Test
  void tableWithoutSmallCountsIsPublishedWholeAndRounded() {
    TwoWayTable table = TwoWayTable.of(new long[][] {{12, 23}, {34, 48}});
    Published published = table.publish();

    assertThat(suppressedCells(published, table.counts().length)).isEmpty();
    assertThat(published.shown(table.cell(0, 0))).isEqualTo(10);
    assertThat(published.shown(table.cell(1, 1))).isEqualTo(50);
    assertThat(published.shown(table.grandTotal())).as("117 rounded").isEqualTo(115);
  }

  /**
   * A hand-made table, and the proof that its suppressed cell cannot be worked out: seven tables
   * that differ in that cell (0 to 6) publish exactly the same numbers and suppress the same cells.
   */
  @Test
  void suppressedCellOfHandMadeTableCannotBeDerivedFromTotals() {
    long[][] interior = {{25, 3, 40}, {30, 31, 50}, {52, 45, 60}};
    TwoWayTable table = TwoWayTable.of(interior);
    Published published = table.publish();

    assertThat(suppressedCells(published, table.counts().length))
        .as("the 3, its row partner, and the two cells closing the rectangle")
        .containsExactly(table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1));

    List<String> seen = view(published, table.counts().length);
    for (int delta = -3; delta <= 3; delta++) {
      long[][] other = {{25 + delta, 3 - delta, 40}, {30 - delta, 31 + delta, 50}, {52, 45, 60}};
      TwoWayTable alternative = TwoWayTable.of(other);
      assertThat(view(alternative.publish(), alternative.counts().length))
          .as("the table whose suppressed 3 is %d publishes the same", 3 - delta)
          .isEqualTo(seen);
    }
    assertThat(
            Derivations.derivableCells(published.suppressed(), table.sums(), table.counts().length))
        .isEmpty();
  }

  /**
   * After the 3 and its row partner (25), column 0 needs a partner: 22 is the smallest, and then
   * the cell beside it (45) mends both its row and column 1 at once, closing a rectangle of four
   * rather than withholding two whole columns.
   */
  @Test
  void partnerThatMendsARowAndAColumnAtOnceIsPreferred() {
    TwoWayTable table = TwoWayTable.of(new long[][] {{25, 3, 40}, {30, 31, 50}, {22, 45, 60}});

    Published published = table.publish();

    assertThat(suppressedCells(published, table.counts().length))
        .containsExactly(table.cell(0, 0), table.cell(0, 1), table.cell(2, 0), table.cell(2, 1));
  }

  /**
   * Two blocks of suppressed cells joined by one cell pass the usual rule (every row and column has
   * two suppressed cells or none) yet fix the joining cell: the sum of the first two rows minus the
   * first two columns is exactly that cell. The exact check finds it and suppresses one more.
   */
  @Test
  void cellJoiningTwoSuppressedBlocksIsProtectedByTheExactCheck() {
    long[][] interior = {
      {3, 4, 5, 50},
      {6, 7, 60, 70},
      {80, 90, 8, 2},
      {55, 65, 1, 9}
    };
    TwoWayTable table = TwoWayTable.of(interior);
    BitSet primary = new BitSet();
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        if (interior[r][c] < 10) {
          primary.set(table.cell(r, c));
        }
      }
    }
    assertThat(Derivations.derivableCells(primary, table.sums(), table.counts().length))
        .as("the usual rule alone would leave this cell derivable")
        .containsExactly(table.cell(0, 2));

    Published published = table.publish();

    assertThat(published.isSuppressed(table.cell(0, 2))).isTrue();
    assertThat(
            Derivations.derivableCells(published.suppressed(), table.sums(), table.counts().length))
        .isEmpty();
    assertThat(SmallNumbers.derivable(published.suppressed(), table.sums(), table.counts().length))
        .isEmpty();
  }

  @Test
  void randomTwoWayTablesNeverShowASmallCountOrLeaveASuppressedCellDerivable() {
    Random random = new Random(20261125);
    for (int run = 0; run < 2_000; run++) {
      int rows = 1 + random.nextInt(6);
      int columns = 1 + random.nextInt(7);
      long[][] interior = new long[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          interior[r][c] = count(random);
        }
      }
      TwoWayTable table = TwoWayTable.of(interior);
      Published published = table.publish();
      String which = "table " + run + " " + Arrays.deepToString(interior);

      assertPublishedSafely(published, table.counts(), table.sums(), which);
    }
  }

  @Test
  void randomOneWayTablesNeverShowASmallCountOrLeaveASuppressedCellDerivable() {
    Random random = new Random(7);
    for (int run = 0; run < 2_000; run++) {
      int size = 1 + random.nextInt(12);
      long[] counts = new long[size + 1];
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        counts[i] = count(random);
        counts[size] += counts[i];
        members.add(i);
      }
      List<Sum> sums = List.of(Sum.of(size, members));
      Published published = SmallNumbers.publish(counts, sums);

      assertPublishedSafely(
          published, counts, sums, "table " + run + " " + Arrays.toString(counts));
    }
  }

  /** The invariants every publication keeps, whatever the cells and their sums. */
  static void assertPublishedSafely(
      Published published, long[] counts, List<Sum> sums, String which) {
    for (int cell = 0; cell < counts.length; cell++) {
      if (counts[cell] < SmallNumbers.THRESHOLD) {
        assertThat(published.isSuppressed(cell)).as("%s: cell %d under 10", which, cell).isTrue();
      } else if (!published.isSuppressed(cell)) {
        assertThat(published.shown(cell)).as("%s: cell %d", which, cell).isGreaterThanOrEqualTo(10);
        assertThat(published.shown(cell) % 5).as("%s: cell %d", which, cell).isZero();
        assertThat(Math.abs(published.shown(cell) - counts[cell])).isLessThanOrEqualTo(2);
      }
    }
    for (Sum sum : sums) {
      long hiddenMembers = sum.members().stream().filter(published::isSuppressed).count();
      if (!published.isSuppressed(sum.total())) {
        assertThat(hiddenMembers)
            .as("%s: suppressed members of a sum whose total %d is shown", which, sum.total())
            .isNotEqualTo(1);
      } else {
        assertThat(hiddenMembers)
            .as("%s: a suppressed total %d with every member shown", which, sum.total())
            .isPositive();
      }
    }
    assertThat(Derivations.derivableCells(published.suppressed(), sums, counts.length))
        .as("%s: suppressed cells the sums fix", which)
        .isEmpty();
  }

  /** Many small counts, as the statistics of a few months in one district have. */
  private static long count(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(10);
      case 1 -> 10 + random.nextInt(20);
      case 2 -> 30 + random.nextInt(300);
      default -> random.nextInt(3) == 0 ? 0 : random.nextInt(60);
    };
  }

  private static List<Integer> suppressedCells(Published published, int size) {
    return published.suppressed().stream().filter(c -> c < size).boxed().toList();
  }

  /** What a reader sees of the cells: each shown count or [c]. */
  private static List<String> view(Published published, int size) {
    List<String> view = new ArrayList<>();
    for (int cell = 0; cell < size; cell++) {
      view.add(published.isSuppressed(cell) ? "[c]" : Long.toString(published.shown(cell)));
    }
    return view;
  }
}
