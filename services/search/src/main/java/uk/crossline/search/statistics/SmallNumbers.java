package uk.crossline.search.statistics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The ONS small-number rules over a set of linked cells: every count under {@value #THRESHOLD} is
 * suppressed (0 included: nothing under 10 is ever shown), every other count is rounded to the
 * nearest {@value #BASE}, and more cells are suppressed until no suppressed cell can be worked out
 * from the cells shown.
 *
 * <p>Cells are linked by sums ({@code total = member + member + ...}): a table's rows and its
 * total, a two-way table's rows and columns and their margins, a priority and its categories. A
 * total is a cell like any other, counted from the unrounded members and then treated the same way.
 * Secondary suppression works in two steps, repeated until neither changes anything:
 *
 * <ol>
 *   <li>the usual rule: a sum with exactly one suppressed cell (a member or its total) gives it
 *       away, so one of its shown members (its total if no member is shown) is suppressed too: the
 *       one that also mends the most other such sums, then the smallest;
 *   <li>the exact check: a suppressed cell is derivable when it is fixed by the sums alone,
 *       whatever values the other suppressed cells take (two blocks of suppressed cells joined by a
 *       single cell, say, pass the usual rule yet fix that cell); then the smallest shown cell of a
 *       sum holding it is suppressed too.
 * </ol>
 *
 * <p>The exact check assumes the worst: that whoever reads the tables knows the shown cells
 * exactly, rounding aside. Suppressing everything is always safe for sums of counts (no cell is
 * then fixed), so the loop ends.
 */
final class SmallNumbers {

  /** Counts under this are never shown. */
  static final long THRESHOLD = 10;

  /** Shown counts are rounded to a multiple of this. */
  static final long BASE = 5;

  private SmallNumbers() {}

  /**
   * One linked constraint: the total cell is the sum of the member cells.
   *
   * @param total the index of the total cell
   * @param members the indices of its members
   */
  record Sum(int total, List<Integer> members) {
    Sum {
      members = List.copyOf(members);
      if (members.isEmpty() || members.contains(total)) {
        throw new IllegalArgumentException("a sum needs members other than its total");
      }
    }

    static Sum of(int total, List<Integer> members) {
      return new Sum(total, members);
    }

    List<Integer> cells() {
      List<Integer> cells = new ArrayList<>(members);
      cells.add(total);
      return cells;
    }
  }

  /**
   * The published cells: each either suppressed or shown rounded.
   *
   * @param counts the unrounded counts, as given
   * @param suppressed which cells are suppressed
   */
  record Published(long[] counts, BitSet suppressed) {

    boolean isSuppressed(int cell) {
      return suppressed.get(cell);
    }

    /** The rounded count of a shown cell. */
    long shown(int cell) {
      if (suppressed.get(cell)) {
        throw new IllegalStateException("cell " + cell + " is suppressed");
      }
      return round(counts[cell]);
    }
  }

  /** The cells as they may be published. */
  static Published publish(long[] counts, List<Sum> sums) {
    Objects.requireNonNull(counts, "counts");
    for (Sum sum : sums) {
      for (int cell : sum.cells()) {
        if (cell < 0 || cell >= counts.length) {
          throw new IllegalArgumentException("a sum names cell " + cell + " of " + counts.length);
        }
      }
    }
    BitSet suppressed = new BitSet(counts.length);
    for (int cell = 0; cell < counts.length; cell++) {
      if (counts[cell] < 0) {
        throw new IllegalArgumentException("a count cannot be negative");
      }
      if (counts[cell] < THRESHOLD) {
        suppressed.set(cell);
      }
    }
    while (true) {
      if (applyUsualRule(counts, sums, suppressed)) {
        continue;
      }
      List<Integer> fixed = derivable(suppressed, sums, counts.length);
      if (fixed.isEmpty()) {
        break;
      }
      suppressed.set(partnerFor(fixed.getFirst(), counts, sums, suppressed));
    }
    return new Published(counts.clone(), suppressed);
  }

  /** The nearest multiple of {@value #BASE} (counts are whole, so there is never a tie). */
  static long round(long count) {
    return Math.round(count / (double) BASE) * BASE;
  }

  /**
   * One step of the usual rule; whether it suppressed anything. Of the cells that would mend a sum
   * giving its one suppressed cell away, it takes the one that mends the most such sums at once (a
   * cell where a row and a column both need a partner), then the smallest, so no more is withheld
   * than need be.
   */
  private static boolean applyUsualRule(long[] counts, List<Sum> sums, BitSet suppressed) {
    List<Sum> exposed =
        sums.stream()
            .filter(sum -> sum.cells().stream().filter(suppressed::get).count() == 1)
            .toList();
    int best = -1;
    long bestMends = 0;
    for (Sum sum : exposed) {
      for (int candidate : candidates(sum, suppressed)) {
        long mends = exposed.stream().filter(other -> other.cells().contains(candidate)).count();
        if (best < 0
            || mends > bestMends
            || (mends == bestMends && counts[candidate] < counts[best])
            || (mends == bestMends && counts[candidate] == counts[best] && candidate < best)) {
          best = candidate;
          bestMends = mends;
        }
      }
    }
    if (best < 0) {
      return false;
    }
    suppressed.set(best);
    return true;
  }

  /** The shown members of a sum, or its total when no member is shown. */
  private static List<Integer> candidates(Sum sum, BitSet suppressed) {
    List<Integer> members = sum.members().stream().filter(m -> !suppressed.get(m)).toList();
    if (!members.isEmpty()) {
      return members;
    }
    return suppressed.get(sum.total()) ? List.of() : List.of(sum.total());
  }

  /**
   * The smallest shown member of the sum (the earliest of equals, so the answer is stable), or its
   * total when every member is suppressed; -1 when nothing of the sum is shown.
   */
  private static int smallestShown(Sum sum, long[] counts, BitSet suppressed) {
    int best = -1;
    for (int member : sum.members()) {
      if (!suppressed.get(member) && (best < 0 || counts[member] < counts[best])) {
        best = member;
      }
    }
    if (best < 0 && !suppressed.get(sum.total())) {
      best = sum.total();
    }
    return best;
  }

  /** The cell to suppress beside a derivable one: in a sum that holds it, else the smallest. */
  private static int partnerFor(int fixed, long[] counts, List<Sum> sums, BitSet suppressed) {
    int best = -1;
    for (Sum sum : sums) {
      if (sum.cells().contains(fixed)) {
        int candidate = smallestShown(sum, counts, suppressed);
        if (candidate >= 0 && (best < 0 || counts[candidate] < counts[best])) {
          best = candidate;
        }
      }
    }
    if (best < 0) {
      for (int cell = 0; cell < counts.length; cell++) {
        if (!suppressed.get(cell) && (best < 0 || counts[cell] < counts[best])) {
          best = cell;
        }
      }
    }
    if (best < 0) {
      throw new IllegalStateException("every cell is suppressed yet one is derivable");
    }
    return best;
  }

  /**
   * The suppressed cells that the sums fix, whatever the other suppressed cells are: those whose
   * unit vector lies in the row space of the sums restricted to the suppressed cells. Exact: the
   * sums' matrix is brought to reduced row echelon form in whole numbers, and a cell is fixed
   * exactly when a row of that form has no other non-zero entry.
   */
  static List<Integer> derivable(BitSet suppressed, List<Sum> sums, int size) {
    int[] unknowns = suppressed.stream().filter(cell -> cell < size).toArray();
    if (unknowns.length == 0) {
      return List.of();
    }
    int[] column = new int[size];
    Arrays.fill(column, -1);
    for (int i = 0; i < unknowns.length; i++) {
      column[unknowns[i]] = i;
    }
    List<BigInteger[]> rows = new ArrayList<>();
    for (Sum sum : sums) {
      BigInteger[] row = new BigInteger[unknowns.length];
      Arrays.fill(row, BigInteger.ZERO);
      boolean any = false;
      if (column[sum.total()] >= 0) {
        row[column[sum.total()]] = BigInteger.ONE;
        any = true;
      }
      for (int member : sum.members()) {
        if (column[member] >= 0) {
          row[column[member]] = row[column[member]].subtract(BigInteger.ONE);
          any = true;
        }
      }
      if (any) {
        rows.add(row);
      }
    }
    List<BigInteger[]> reduced = reduce(rows, unknowns.length);
    List<Integer> fixed = new ArrayList<>();
    for (BigInteger[] row : reduced) {
      int nonZero = -1;
      int count = 0;
      for (int j = 0; j < row.length; j++) {
        if (row[j].signum() != 0) {
          nonZero = j;
          count++;
        }
      }
      if (count == 1) {
        fixed.add(unknowns[nonZero]);
      }
    }
    fixed.sort(null);
    return fixed;
  }

  /** Reduced row echelon form by whole-number row operations; the non-zero rows. */
  private static List<BigInteger[]> reduce(List<BigInteger[]> rows, int width) {
    List<BigInteger[]> matrix = new ArrayList<>(rows);
    int pivotRow = 0;
    for (int col = 0; col < width && pivotRow < matrix.size(); col++) {
      int found = -1;
      for (int r = pivotRow; r < matrix.size(); r++) {
        if (matrix.get(r)[col].signum() != 0) {
          found = r;
          break;
        }
      }
      if (found < 0) {
        continue;
      }
      BigInteger[] pivot = matrix.get(found);
      matrix.set(found, matrix.get(pivotRow));
      matrix.set(pivotRow, pivot);
      for (int r = 0; r < matrix.size(); r++) {
        BigInteger[] row = matrix.get(r);
        if (r == pivotRow || row[col].signum() == 0) {
          continue;
        }
        BigInteger a = pivot[col];
        BigInteger b = row[col];
        BigInteger[] combined = new BigInteger[width];
        for (int j = 0; j < width; j++) {
          combined[j] = row[j].multiply(a).subtract(pivot[j].multiply(b));
        }
        matrix.set(r, normalised(combined));
      }
      pivotRow++;
    }
    return matrix.subList(0, pivotRow);
  }

  /** The row divided by the greatest common divisor of its entries, so numbers stay small. */
  private static BigInteger[] normalised(BigInteger[] row) {
    BigInteger gcd = BigInteger.ZERO;
    for (BigInteger value : row) {
      gcd = gcd.gcd(value);
    }
    if (gcd.signum() == 0 || gcd.equals(BigInteger.ONE)) {
      return row;
    }
    BigInteger[] divided = new BigInteger[row.length];
    for (int j = 0; j < row.length; j++) {
      divided[j] = row[j].divide(gcd);
    }
    return divided;
  }
}
