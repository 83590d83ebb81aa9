package dev.tributary.story;

import java.util.function.IntToDoubleFunction;

/** Compares two profiles under the index's current IDF and folds the features into one score. */
final class PairScorer {

  /** Items with fewer distinct terms than this are headlines more than reports. */
  static final int BRIEF_TERMS = 16;

  private final StoryConfig config;

  PairScorer(StoryConfig config) {
    this.config = config;
  }

  /** Norms of a profile's term, key and title vectors under the index's current IDF. */
  static double[] norms(ItemProfile p, RecentIndex index) {
    float[] table = index.vocabulary().weights();
    return new double[] {
      norm(p.terms(), table, index::termIdf), norm(p.keys(), table, index::keyIdf),
      norm(p.titleKeys(), table, index::keyIdf)
    };
  }

  PairFeatures features(ItemProfile a, ItemProfile b, RecentIndex index) {
    return features(a, norms(a, index), b, norms(b, index), index);
  }

  PairFeatures features(ItemProfile a, double[] na, ItemProfile b, double[] nb, RecentIndex index) {
    boolean sameLanguage = a.language().equals(b.language());
    float[] table = index.vocabulary().weights();
    double terms = sameLanguage ? cosine(a.terms(), na[0], b.terms(), nb[0], table, index::termIdf) : 0;
    double keys = cosine(a.keys(), na[1], b.keys(), nb[1], table, index::keyIdf);
    double title = cosine(a.titleKeys(), na[2], b.titleKeys(), nb[2], table, index::keyIdf);
    boolean numbersClash = a.titleNumbers().length > 0 && b.titleNumbers().length > 0
        && !anyNear(a.titleNumbers(), b.titleNumbers());
    double names = overlap(a.names(), b.names(), index::keyIdf);
    double hours = Math.abs(a.time() - b.time()) / 3600.0;
    boolean sameSource = a.sourceId() != null && a.sourceId().equals(b.sourceId());
    boolean brief = a.terms().size() < BRIEF_TERMS || b.terms().size() < BRIEF_TERMS;
    return new PairFeatures(
        terms, keys, title, names, numbersClash, hours, sameSource, sameLanguage, MinHash.similarity(a.minHash(), b.minHash()),
        a.announcement() != b.announcement(), brief,
        // two dated reports are already as far apart as their dates; an opening's date adds to that
        // only for a report whose feed gave none
        !(a.dated() && b.dated()) && LeadDate.apart(a.leadDate(), b.leadDate()));
  }

  double score(PairFeatures f) {
    // Keys bridge scripts and spellings (Aliev/Aliyev) but their consonant skeletons collide
    // (win/won/wine): in a long report one collision is diluted, in a bare headline it can be a
    // third of the vector, so within a language a headline is compared by its own stems.
    double sameLanguageBody = f.brief() ? f.terms() : Math.max(f.terms(), f.keys());
    double body = f.sameLanguage() ? sameLanguageBody : f.keys() * config.crossLanguageBoost();
    double title = f.sameLanguage() ? f.title() : f.title() * config.crossLanguageBoost();
    double s = Math.min(1, (1 - config.titleShare()) * body + config.titleShare() * title);
    s = (1 - config.nameShare()) * s + config.nameShare() * f.names();
    if (f.numbersClash()) {
      s *= config.numberClashFactor();
    }
    if (f.datesDiffer()) {
      s *= config.dateClashFactor();
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

  /** Cosine under IDF of two vectors, as a merge of their sorted id arrays. */
  static double cosine(
      TermVector a, double normA, TermVector b, double normB, float[] table, IntToDoubleFunction idf) {
    if (a.isEmpty() || b.isEmpty() || normA == 0 || normB == 0) {
      return 0;
    }
    double dot = a.dot(b, table, idf);
    if (dot == 0) {
      return 0;
    }
    return Math.min(1, dot / (normA * normB));
  }

  static double norm(TermVector v, float[] table, IntToDoubleFunction idf) {
    return v.norm(table, idf);
  }

  /**
   * Whether two titles share a number, or nearly: counts are revised as reports come in ("121
   * medics infected" after "120"), so numbers from 10 up that differ by at most a tenth agree.
   * Years must match exactly.
   */
  static boolean anyNear(int[] a, int[] b) {
    for (int x : a) {
      for (int y : b) {
        if (x == y || near(x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean near(int x, int y) {
    int lo = Math.min(x, y), hi = Math.max(x, y);
    boolean years = lo >= 1900 && hi <= 2100;
    return lo >= 10 && !years && hi - lo <= hi / 10.0;
  }

  /** IDF-weighted share of the smaller name set found in the other (sorted id arrays). */
  static double overlap(int[] a, int[] b, IntToDoubleFunction idf) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    double shared = 0, sa = 0, sb = 0;
    int j = 0;
    for (int n : a) {
      double w = idf.applyAsDouble(n);
      sa += w;
      while (j < b.length && b[j] < n) {
        j++;
      }
      if (j < b.length && b[j] == n) {
        shared += w;
      }
    }
    for (int n : b) {
      sb += idf.applyAsDouble(n);
    }
    return shared / Math.min(sa, sb);
  }
}
