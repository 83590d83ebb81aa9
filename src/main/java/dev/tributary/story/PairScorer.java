package dev.tributary.story;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Compares two profiles under the index's current IDF; the {@link PairModel} turns the features
 * into the probability that both tell one story.
 */
final class PairScorer {

  /** Items with fewer distinct terms than this are headlines more than reports. */
  static final int BRIEF_TERMS = 16;

  /** A name at most this many indexed reports give is rare ({@link #sharesRareName}). */
  static final int RARE_NAME_REPORTS = 5;

  /** Indexed reports below which no name counts as rare ({@link #sharesRareName}). */
  static final int RARE_NAME_INDEX = 400;

  private final PairModel model;

  PairScorer(PairModel model) {
    this.model = model;
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
    return features(a, null, b, sameLanguage, terms, keys, title, index);
  }

  /**
   * A profile compared with many candidates (an item being assigned): its norms and vectors
   * worked out once, not once per candidate.
   */
  record Probe(ItemProfile profile, double[] norms, TermVector.Decoded terms, TermVector.Decoded keys,
      TermVector.Decoded titleKeys) {}

  static Probe probe(ItemProfile p, RecentIndex index) {
    float[] table = index.vocabulary().weights();
    // each id's IDF taken once for the norms and every candidate's dot products (the same doubles)
    TermVector.Decoded terms = p.terms().decoded(table, index::termIdf);
    TermVector.Decoded keys = p.keys().decoded(table, index::keyIdf);
    TermVector.Decoded titleKeys = p.titleKeys().decoded(table, index::keyIdf);
    return new Probe(p, new double[] {terms.norm(), keys.norm(), titleKeys.norm()}, terms, keys, titleKeys);
  }

  /** As {@link #features(ItemProfile, double[], ItemProfile, double[], RecentIndex)} of the probe's profile: the same features. */
  PairFeatures features(Probe a, ItemProfile b, double[] nb, RecentIndex index) {
    ItemProfile p = a.profile();
    double[] na = a.norms();
    boolean sameLanguage = p.language().equals(b.language());
    float[] table = index.vocabulary().weights();
    double terms = sameLanguage ? cosine(a.terms(), na[0], b.terms(), nb[0], table, index::termIdf) : 0;
    double keys = cosine(a.keys(), na[1], b.keys(), nb[1], table, index::keyIdf);
    double title = cosine(a.titleKeys(), na[2], b.titleKeys(), nb[2], table, index::keyIdf);
    return features(p, a.keys().ids(), b, sameLanguage, terms, keys, title, index);
  }

  // aKeys: a's key ids decoded already, or null
  private PairFeatures features(ItemProfile a, int[] aKeys, ItemProfile b, boolean sameLanguage, double terms,
      double keys, double title, RecentIndex index) {
    // two texts of one caseless script (Arabic, Georgian) name no one by a capital: their names are
    // their figures, years aside ({@link ProfileBuilder#mainScriptCased}), the one thing two reports
    // of an event repeat that a common word does not; a cased text's names are no match for those
    boolean caseless = !a.cased() && !b.cased() && sameLanguage;
    double names = a.cased() && b.cased() || caseless ? overlap(a.names(), b.names(), index::keyIdf) : 0;
    boolean sameSource = a.sourceId() != null && a.sourceId().equals(b.sourceId());
    int shorter = Math.min(a.terms().size(), b.terms().size());
    boolean brief = shorter < BRIEF_TERMS;
    // both key id arrays decoded once for the three comparisons below that read them, and only
    // when one of them is made (a candidate's were decoded up to three times, an array each)
    boolean keysRead = sameLanguage && (a.cased() && b.cased() || !brief);
    int[] keysA = aKeys != null ? aKeys : keysRead ? a.keys().ids() : null;
    // b's decoded only where a comparison below reads them: most pairs have no headline names,
    // places or actors on one side, and decoding a candidate's keys was an array per candidate
    boolean placesRead = sameLanguage && a.cased() && b.cased() && a.places().length > 0 && b.places().length > 0;
    boolean agentsRead = sameLanguage && !brief && a.agent().length > 0 && b.agent().length > 0;
    boolean headlineRead = sameLanguage && !brief && a.cased() && b.cased();
    int[] keysB = keysRead && (placesRead || agentsRead || headlineRead && a.headlineNames().length > 0)
        ? b.keys().ids() : null;
    // across languages a name's spelling differs as often as the story; a headline alone names little
    // (missing() reads no keys for a headline without names, and is 0 then)
    double headlineMissing = headlineRead
        ? Math.max(missing(a.headlineNames(), keysB, index::keyIdf), missing(b.headlineNames(), keysA, index::keyIdf))
        : 0;
    return new PairFeatures(
        terms, keys, title, names, sameSource, sameLanguage, MinHash.similarity(a.minHash(), b.minHash()),
        a.announcement() != b.announcement(), brief,
        // two dated reports are already as far apart as their dates; an opening's date adds to that
        // only for a report whose feed gave none
        !(a.dated() && b.dated()) && LeadDate.apart(a.leadDate(), b.leadDate()),
        headlineMissing, a.ledeTitle() || b.ledeTitle(),
        Streets.shared(a.streets(), b.streets()),
        sameLanguage && a.cased() && b.cased()
            && PlaceKeys.clash(a.places(), keysA, a.placeKeys(), b.places(), keysB, b.placeKeys()),
        sameLanguage && !brief && agentClash(a.agent(), keysA, b.agent(), keysB),
        // an outlet's own reports share its staff's and its slogans' names, rare in the index at large
        !sameSource && a.cased() && b.cased() && sharesRareName(a.names(), b.names(), index),
        !sameLanguage && a.cased() && b.cased() && oneNameAcross(a.names(), b.names()));
  }

  /**
   * Whether both headlines have an actor and neither report names the other's anywhere (sorted ids):
   * none of an actor's keys (its stem's and, for a name the stemmer cuts apart by case, its written
   * one) among the other report's keys.
   */
  static boolean agentClash(int[] agentA, int[] keysA, int[] agentB, int[] keysB) {
    return agentA.length > 0 && agentB.length > 0 && !namesAny(keysB, agentA) && !namesAny(keysA, agentB);
  }

  private static boolean namesAny(int[] keys, int[] agent) {
    for (int id : agent) {
      if (Arrays.binarySearch(keys, id) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two reports share a name or figure that at most {@link #RARE_NAME_REPORTS} indexed
   * reports give: a victim's name, a small town's, a house number, which a large index holds for
   * the reports of one event alone, while a city, a police force or a year is in many. Rarity is
   * counted in the whole index and means something only in a large one: below {@link
   * #RARE_NAME_INDEX} reports every name is rare, and two reports of one subject share one.
   */
  static boolean sharesRareName(int[] a, int[] b, RecentIndex index) {
    if (index.size() < RARE_NAME_INDEX) {
      return false;
    }
    int j = 0;
    for (int n : a) {
      while (j < b.length && b[j] < n) {
        j++;
      }
      if (j < b.length && b[j] == n && index.keyCount(n) <= RARE_NAME_REPORTS) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two name sets (sorted ids, figures among them), of two names or more each, have exactly
   * one in common. Across languages the names are nearly all two reports can be matched by, and one
   * shared name (a head of state, a club, a country) is the subject of many events: two reports of
   * one event also share its other actors, its place or its figures.
   */
  static boolean oneNameAcross(int[] a, int[] b) {
    if (a.length < 2 || b.length < 2) {
      return false;
    }
    int shared = 0;
    int j = 0;
    for (int n : a) {
      while (j < b.length && b[j] < n) {
        j++;
      }
      if (j < b.length && b[j] == n && ++shared > 1) {
        return false;
      }
    }
    return shared == 1;
  }

  double score(PairFeatures f) {
    return model.probability(f);
  }

  /** Cosine under IDF of two vectors, as a merge of their sorted id arrays. */
  static double cosine(
      TermVector a, double normA, TermVector b, double normB, float[] table, IntToDoubleFunction idf) {
    return a.isEmpty() || b.isEmpty() || normA == 0 || normB == 0 ? 0 : bounded(a.dot(b, table, idf), normA, normB);
  }

  /** As {@link #cosine(TermVector, double, TermVector, double, float[], IntToDoubleFunction)} of the decoded vector. */
  static double cosine(
      TermVector.Decoded a, double normA, TermVector b, double normB, float[] table, IntToDoubleFunction idf) {
    return a.isEmpty() || b.isEmpty() || normA == 0 || normB == 0 ? 0 : bounded(a.dot(b, table, idf), normA, normB);
  }

  private static double bounded(double dot, double normA, double normB) {
    return dot == 0 ? 0 : Math.min(1, dot / (normA * normB));
  }

  static double norm(TermVector v, float[] table, IntToDoubleFunction idf) {
    return v.norm(table, idf);
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

  /** IDF-weighted share of {@code headline} (sorted ids) the other's keys lack; 0 for none. */
  static double missing(int[] headline, TermVector other, IntToDoubleFunction idf) {
    if (headline.length == 0) {
      return 0;
    }
    return missing(headline, other.ids(), idf);
  }

  /** As {@link #missing(int[], TermVector, IntToDoubleFunction)} of the other's key ids, decoded already. */
  static double missing(int[] headline, int[] names, IntToDoubleFunction idf) {
    if (headline.length == 0) {
      return 0;
    }
    double all = 0, lacking = 0;
    for (int n : headline) {
      double w = idf.applyAsDouble(n);
      all += w;
      lacking += Arrays.binarySearch(names, n) < 0 ? w : 0;
    }
    return all == 0 ? 0 : lacking / all;
  }
}
