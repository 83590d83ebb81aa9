package dev.tributary.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Clustering scores against gold labels: BCubed (per item) and pairwise precision/recall/F1. */
final class ClusterMetrics {

  record Scores(double precision, double recall, double f1) {
    static Scores of(double p, double r) {
      return new Scores(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
  }

  private ClusterMetrics() {}

  /** {@code predicted.get(i)} and {@code gold.get(i)} are the cluster labels of item i. */
  static <P, G> Scores bcubed(List<P> predicted, List<G> gold) {
    int n = predicted.size();
    Map<P, Integer> predSize = counts(predicted);
    Map<G, Integer> goldSize = counts(gold);
    Map<List<Object>, Integer> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      both.merge(List.of(predicted.get(i), gold.get(i)), 1, Integer::sum);
    }
    double p = 0, r = 0;
    for (int i = 0; i < n; i++) {
      int common = both.get(List.of(predicted.get(i), gold.get(i)));
      p += common / (double) predSize.get(predicted.get(i));
      r += common / (double) goldSize.get(gold.get(i));
    }
    return Scores.of(p / n, r / n);
  }

  static <P, G> Scores pairwise(List<P> predicted, List<G> gold) {
    long tp = 0, predPairs = 0, goldPairs = 0;
    int n = predicted.size();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean sp = predicted.get(i).equals(predicted.get(j));
        boolean sg = gold.get(i).equals(gold.get(j));
        if (sp) predPairs++;
        if (sg) goldPairs++;
        if (sp && sg) tp++;
      }
    }
    double p = predPairs == 0 ? 1 : tp / (double) predPairs;
    double r = goldPairs == 0 ? 1 : tp / (double) goldPairs;
    return Scores.of(p, r);
  }

  private static <T> Map<T, Integer> counts(List<T> labels) {
    Map<T, Integer> m = new HashMap<>();
    labels.forEach(l -> m.merge(l, 1, Integer::sum));
    return m;
  }
}
