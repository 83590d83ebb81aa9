package dev.tributary.story;

import java.util.Arrays;

/**
 * Weighted logistic regression with an L2 penalty on the weights (not the intercept), fitted by
 * Newton's method: the model has a dozen inputs, so each step solves a small linear system.
 */
final class LogisticTrainer {

  private LogisticTrainer() {}

  /** Intercept first, then one weight per input. */
  static double[] fit(double[][] x, boolean[] y, double[] weight, double l2) {
    boolean[] free = new boolean[x[0].length + 1];
    Arrays.fill(free, true);
    return fit(x, y, weight, l2, new double[free.length], free);
  }

  /**
   * As {@link #fit(double[][], boolean[], double[], double)}, fitting only the coefficients marked
   * {@code free} (intercept first) and keeping the others at their values in {@code start}.
   */
  static double[] fit(double[][] x, boolean[] y, double[] weight, double l2, double[] start, boolean[] free) {
    int d = x[0].length + 1;
    double[] beta = start.clone();
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int i = 0; i < x.length; i++) {
        double p = sigmoid(dot(beta, x[i]));
        double r = weight[i] * ((y[i] ? 1 : 0) - p);
        double h = weight[i] * p * (1 - p);
        for (int a = 0; a < d; a++) {
          double xa = a == 0 ? 1 : x[i][a - 1];
          grad[a] += r * xa;
          for (int b = 0; b <= a; b++) {
            hess[a][b] += h * xa * (b == 0 ? 1 : x[i][b - 1]);
          }
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < a; b++) {
          hess[b][a] = hess[a][b];
        }
        if (!free[a]) {
          // a fixed coefficient: its row and column only keep the system solvable, its step is 0
          grad[a] = 0;
          for (int b = 0; b < d; b++) {
            hess[a][b] = 0;
            hess[b][a] = 0;
          }
          hess[a][a] = 1;
          continue;
        }
        if (a > 0) {
          grad[a] -= l2 * beta[a];
          hess[a][a] += l2;
        }
        hess[a][a] += 1e-9;
      }
      double[] step = solve(hess, grad);
      double change = 0;
      for (int a = 0; a < d; a++) {
        beta[a] += step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-7) {
        break;
      }
    }
    return beta;
  }

  static double probability(double[] beta, double[] x) {
    return sigmoid(dot(beta, x));
  }

  private static double dot(double[] beta, double[] x) {
    double z = beta[0];
    for (int i = 0; i < x.length; i++) {
      z += beta[i + 1] * x[i];
    }
    return z;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] out = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * out[k];
      }
      out[r] = s / m[r][r];
    }
    return out;
  }
}
