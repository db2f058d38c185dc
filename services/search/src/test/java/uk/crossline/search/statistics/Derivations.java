package uk.crossline.search.statistics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import uk.crossline.search.statistics.SmallNumbers.Sum;

/**
 * The test's own answer to "can this suppressed cell be worked out from what is shown?", written
 * apart from {@link SmallNumbers}: a suppressed cell is fixed by the sums exactly when removing it
 * lowers the rank of the sums over the suppressed cells (rank by floating-point elimination here,
 * whole numbers there). Fine for the small tables of the tests.
 */
final class Derivations {

  private Derivations() {}

  static List<Integer> derivableCells(BitSet suppressed, List<Sum> sums, int size) {
    List<Integer> unknowns = suppressed.stream().filter(c -> c < size).boxed().toList();
    double[][] matrix = new double[sums.size()][unknowns.size()];
    for (int s = 0; s < sums.size(); s++) {
      Sum sum = sums.get(s);
      int total = unknowns.indexOf(sum.total());
      if (total >= 0) {
        matrix[s][total] += 1;
      }
      for (int member : sum.members()) {
        int j = unknowns.indexOf(member);
        if (j >= 0) {
          matrix[s][j] -= 1;
        }
      }
    }
    int rank = rank(matrix, -1);
    List<Integer> fixed = new ArrayList<>();
    for (int j = 0; j < unknowns.size(); j++) {
      if (rank(matrix, j) == rank - 1) {
        fixed.add(unknowns.get(j));
      }
    }
    return fixed;
  }

  /** The rank of the matrix without column {@code skip} (-1: with every column). */
  private static int rank(double[][] matrix, int skip) {
    int rows = matrix.length;
    int width = rows == 0 ? 0 : matrix[0].length;
    double[][] m = new double[rows][];
    for (int r = 0; r < rows; r++) {
      m[r] = matrix[r].clone();
      if (skip >= 0) {
        m[r][skip] = 0;
      }
    }
    int rank = 0;
    for (int col = 0; col < width && rank < rows; col++) {
      int best = rank;
      for (int r = rank + 1; r < rows; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[best][col])) {
          best = r;
        }
      }
      if (Math.abs(m[best][col]) < 1e-9) {
        continue;
      }
      double[] swap = m[best];
      m[best] = m[rank];
      m[rank] = swap;
      for (int r = rank + 1; r < rows; r++) {
        double factor = m[r][col] / m[rank][col];
        for (int j = col; j < width; j++) {
          m[r][j] -= factor * m[rank][j];
        }
      }
      rank++;
    }
    return rank;
  }
}
