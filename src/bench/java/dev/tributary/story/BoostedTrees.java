package dev.tributary.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Gradient-boosted regression trees for the logistic loss (Newton leaves, L2 on leaf values,
 * shrinkage), to compare with the logistic model on the same held-out folds. Small on purpose:
 * a few hundred pairs per data set do not support deep trees.
 */
final class BoostedTrees {

  /** One tree as parallel arrays; a leaf has feature -1. */
  record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    double eval(double[] x) {
      int n = 0;
      while (feature[n] >= 0) {
        n = x[feature[n]] <= threshold[n] ? left[n] : right[n];
      }
      return value[n];
    }
  }

  private final double base;
  private final List<Tree> trees;

  private BoostedTrees(double base, List<Tree> trees) {
    this.base = base;
    this.trees = trees;
  }

  double probability(double[] x) {
    double z = base;
    for (Tree t : trees) {
      z += t.eval(x);
    }
    return 1 / (1 + Math.exp(-z));
  }

  static BoostedTrees fit(double[][] x, boolean[] y, double[] w, int rounds, int depth, double rate,
      double lambda, double minHessian) {
    int n = x.length, d = x[0].length;
    double sw = 0, sy = 0;
    for (int i = 0; i < n; i++) {
      sw += w[i];
      sy += y[i] ? w[i] : 0;
    }
    double base = Math.log(sy / (sw - sy));
    double[] z = new double[n];
    Arrays.fill(z, base);
    Integer[][] order = new Integer[d][];
    for (int f = 0; f < d; f++) {
      int ff = f;
      order[f] = new Integer[n];
      for (int i = 0; i < n; i++) order[f][i] = i;
      Arrays.sort(order[f], Comparator.comparingDouble(i -> x[i][ff]));
    }
    List<Tree> trees = new ArrayList<>();
    double[] g = new double[n], h = new double[n];
    int[] node = new int[n];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-z[i]));
        g[i] = w[i] * ((y[i] ? 1 : 0) - p);
        h[i] = w[i] * p * (1 - p);
      }
      Tree t = grow(x, g, h, node, order, depth, lambda, minHessian, rate);
      trees.add(t);
      for (int i = 0; i < n; i++) z[i] += t.eval(x[i]);
    }
    return new BoostedTrees(base, trees);
  }

  private static Tree grow(double[][] x, double[] g, double[] h, int[] node, Integer[][] order, int depth,
      double lambda, double minHessian, double rate) {
    int n = x.length, d = x[0].length;
    int max = (1 << (depth + 1)) - 1;
    int[] feature = new int[max];
    double[] threshold = new double[max];
    int[] left = new int[max], right = new int[max];
    double[] value = new double[max];
    Arrays.fill(feature, -1);
    Arrays.fill(node, 0);
    int count = 1;
    List<Integer> frontier = List.of(0);
    for (int level = 0; level <= depth; level++) {
      // totals per frontier node
      double[] tg = new double[count], th = new double[count];
      for (int i = 0; i < n; i++) {
        if (node[i] >= 0) {
          tg[node[i]] += g[i];
          th[node[i]] += h[i];
        }
      }
      for (int nd : frontier) value[nd] = rate * tg[nd] / (th[nd] + lambda);
      if (level == depth) break;
      double[] bestGain = new double[count];
      int[] bestF = new int[count];
      double[] bestT = new double[count];
      Arrays.fill(bestF, -1);
      for (int f = 0; f < d; f++) {
        double[] lg = new double[count], lh = new double[count];
        double[] last = new double[count];
        Arrays.fill(last, Double.NaN);
        for (int i : order[f]) {
          int nd = node[i];
          if (nd < 0) continue;
          double v = x[i][f];
          if (!Double.isNaN(last[nd]) && v > last[nd] && lh[nd] >= minHessian && th[nd] - lh[nd] >= minHessian) {
            double rg = tg[nd] - lg[nd], rh = th[nd] - lh[nd];
            double gain = lg[nd] * lg[nd] / (lh[nd] + lambda) + rg * rg / (rh + lambda)
                - tg[nd] * tg[nd] / (th[nd] + lambda);
            if (gain > bestGain[nd]) {
              bestGain[nd] = gain;
              bestF[nd] = f;
              bestT[nd] = (last[nd] + v) / 2;
            }
          }
          lg[nd] += g[i];
          lh[nd] += h[i];
          last[nd] = v;
        }
      }
      List<Integer> next = new ArrayList<>();
      int[] leftOf = new int[count], rightOf = new int[count];
      for (int nd : frontier) {
        if (bestF[nd] < 0) continue;
        feature[nd] = bestF[nd];
        threshold[nd] = bestT[nd];
        left[nd] = count + next.size();
        next.add(left[nd]);
        right[nd] = count + next.size();
        next.add(right[nd]);
        leftOf[nd] = left[nd];
        rightOf[nd] = right[nd];
      }
      if (next.isEmpty()) break;
      for (int i = 0; i < n; i++) {
        int nd = node[i];
        if (nd < 0) continue;
        if (feature[nd] < 0) {
          node[i] = -1;
        } else {
          node[i] = x[i][feature[nd]] <= threshold[nd] ? leftOf[nd] : rightOf[nd];
        }
      }
      count += next.size();
      frontier = next;
    }
    return new Tree(Arrays.copyOf(feature, count), Arrays.copyOf(threshold, count), Arrays.copyOf(left, count),
        Arrays.copyOf(right, count), Arrays.copyOf(value, count));
  }
}
