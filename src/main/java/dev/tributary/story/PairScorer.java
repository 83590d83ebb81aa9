package dev.tributary.story;

import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Compares two profiles under the index's current IDF and folds the features into one score. */
final class PairScorer {

  private final StoryConfig config;

  PairScorer(StoryConfig config) {
    this.config = config;
  }

  /** Norms of a profile's term, key and title vectors under the index's current IDF. */
  static double[] norms(ItemProfile p, RecentIndex index) {
    return new double[] {
      norm(p.terms(), index::termIdf), norm(p.keys(), index::keyIdf), norm(p.titleKeys(), index::keyIdf)
    };
  }

  PairFeatures features(ItemProfile a, ItemProfile b, RecentIndex index) {
    return features(a, norms(a, index), b, norms(b, index), index);
  }

  PairFeatures features(ItemProfile a, double[] na, ItemProfile b, double[] nb, RecentIndex index) {
    boolean sameLanguage = a.language().equals(b.language());
    double terms = sameLanguage ? cosine(a.terms(), na[0], b.terms(), nb[0], index::termIdf) : 0;
    double keys = cosine(a.keys(), na[1], b.keys(), nb[1], index::keyIdf);
    double title = cosine(a.titleKeys(), na[2], b.titleKeys(), nb[2], index::keyIdf);
    boolean numbersClash = !a.titleNumbers().isEmpty() && !b.titleNumbers().isEmpty()
        && a.titleNumbers().stream().noneMatch(b.titleNumbers()::contains);
    double names = overlap(a.names(), b.names(), index::keyIdf);
    double hours = Math.abs(a.time() - b.time()) / 3600.0;
    boolean sameSource = a.sourceId() != null && a.sourceId().equals(b.sourceId());
    return new PairFeatures(
        terms, keys, title, names, numbersClash, hours, sameSource, sameLanguage, MinHash.similarity(a.minHash(), b.minHash()),
        a.announcement() != b.announcement());
  }

  double score(PairFeatures f) {
    double body = f.sameLanguage() ? Math.max(f.terms(), f.keys()) : f.keys() * config.crossLanguageBoost();
    double title = f.sameLanguage() ? f.title() : f.title() * config.crossLanguageBoost();
    double s = Math.min(1, (1 - config.titleShare()) * body + config.titleShare() * title);
    s = (1 - config.nameShare()) * s + config.nameShare() * f.names();
    if (f.numbersClash()) {
      s *= config.numberClashFactor();
    }
    double days = f.hours() / 24.0;
    if (days > 1) {
      // a story's reports cluster within a day; later ones must look increasingly alike
      s *= Math.max(0, 1 - 0.15 * (days - 1));
    }
    if (f.phaseDiffers()) {
      s *= config.phaseFactor();
    }
    return s;
  }

  static double cosine(
      Map<String, Float> a, double normA, Map<String, Float> b, double normB, ToDoubleFunction<String> idf) {
    if (a.isEmpty() || b.isEmpty() || normA == 0 || normB == 0) {
      return 0;
    }
    Map<String, Float> small = a.size() <= b.size() ? a : b;
    Map<String, Float> large = small == a ? b : a;
    double dot = 0;
    for (var e : small.entrySet()) {
      Float w = large.get(e.getKey());
      if (w != null) {
        double i = idf.applyAsDouble(e.getKey());
        dot += e.getValue() * w * i * i;
      }
    }
    if (dot == 0) {
      return 0;
    }
    return Math.min(1, dot / (normA * normB));
  }

  static double norm(Map<String, Float> v, ToDoubleFunction<String> idf) {
    double sum = 0;
    for (var e : v.entrySet()) {
      double w = e.getValue() * idf.applyAsDouble(e.getKey());
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /** IDF-weighted share of the smaller name set found in the other. */
  static double overlap(Set<String> a, Set<String> b, ToDoubleFunction<String> idf) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    double shared = 0, sa = 0, sb = 0;
    for (String n : a) {
      double w = idf.applyAsDouble(n);
      sa += w;
      if (b.contains(n)) {
        shared += w;
      }
    }
    for (String n : b) {
      sb += idf.applyAsDouble(n);
    }
    return shared / Math.min(sa, sb);
  }
}
