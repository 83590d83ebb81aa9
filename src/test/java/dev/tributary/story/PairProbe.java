package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two candidates the way the engine does, under the document frequencies of the items
 * given to {@link #index}: the production profile builder, index and scorer, wired for tests and
 * benches that look at one pair's features. Profiles are kept per item id.
 */
final class PairProbe {

  private final StoryConfig config;
  private final ProfileBuilder profiles;
  private final PairScorer scorer;
  private final RecentIndex index;
  private final Map<Long, ItemProfile> built = new HashMap<>();

  PairProbe(StoryConfig config) {
    this(config, PairModel.shipped());
  }

  PairProbe(StoryConfig config, PairModel model) {
    this.config = config;
    this.profiles = new ProfileBuilder(config);
    this.scorer = new PairScorer(model);
    this.index = new RecentIndex(new HeadlineMixture(config.mixtureAlpha()));
  }

  /** Counts the item in the document frequencies. */
  void index(StoryCandidate item, long storyId) {
    index.add(profile(item), storyId);
  }

  PairFeatures compare(StoryCandidate a, StoryCandidate b) {
    return scorer.features(profile(a), profile(b), index);
  }

  /** Diagnostics beside the model's inputs, for benches that look for new ones (names in {@link #EXTRAS}). */
  static final java.util.List<String> EXTRAS = java.util.List.of(
      "sameScript", "numShare", "numClash", "nameShare", "rareShared", "gapDays", "lenRatio", "logShorter", "keysAll");

  double[] extras(StoryCandidate ca, StoryCandidate cb) {
    ItemProfile a = profile(ca), b = profile(cb);
    Vocabulary v = index.vocabulary();
    boolean sameLanguage = a.language().equals(b.language());
    boolean sameScript = !sameLanguage && script(a.language()) == script(b.language());
    int[] na = numbers(a.keys().ids(), v, true), nb = numbers(b.keys().ids(), v, true);
    int[] wa = numbers(a.names(), v, false), wb = numbers(b.names(), v, false);
    double numShare = PairScorer.overlap(na, nb, index::keyIdf);
    boolean clash = na.length > 0 && nb.length > 0 && numShare == 0;
    double nameShare = a.cased() && b.cased() ? PairScorer.overlap(wa, wb, index::keyIdf) : 0;
    double rare = 0;
    for (int n : wa) {
      if (java.util.Arrays.binarySearch(wb, n) >= 0) rare += Math.max(0, index.keyIdf(n) - 2);
    }
    double gap = a.time() == 0 || b.time() == 0 ? 0 : Math.abs(a.time() - b.time()) / 86400.0;
    double sa = a.terms().size(), sb = b.terms().size();
    double[] na2 = PairScorer.norms(a, index), nb2 = PairScorer.norms(b, index);
    double keysAll = PairScorer.cosine(a.keys(), na2[1], b.keys(), nb2[1], v.weights(), index::keyIdf);
    return new double[] {sameScript ? 1 : 0, numShare, clash ? 1 : 0, nameShare, 1 - Math.exp(-rare / 10), Math.min(gap, 7),
        Math.min(sa, sb) / Math.max(1, Math.max(sa, sb)), Math.log(1 + Math.min(sa, sb)), keysAll};
  }

  private static int[] numbers(int[] ids, Vocabulary v, boolean wanted) {
    return java.util.Arrays.stream(ids).filter(id -> {
      String s = v.string(id);
      return s != null && s.startsWith("#") == wanted && (!wanted || !(s.length() == 5 && (s.startsWith("#19") || s.startsWith("#20"))));
    }).toArray();
  }

  private static int script(String language) {
    return switch (language) {
      case "ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "mn" -> 1;
      case "ka" -> 2;
      case "hy" -> 3;
      case "ar", "fa", "ur", "ps" -> 4;
      case "el" -> 5;
      case "he", "yi" -> 6;
      case "zh", "ja", "ko" -> 7;
      default -> 0;
    };
  }

  double score(PairFeatures f) {
    return scorer.score(f);
  }

  /** The ids of the indexed items the engine would score against this one (itself left out). */
  List<Long> candidates(StoryCandidate item) {
    ItemProfile p = profile(item);
    long window = config.window().toSeconds();
    List<Long> out = new ArrayList<>();
    for (RecentIndex.Entry e : index.candidates(p, p.time() - window, p.time() + window, config.queryKeys(),
        config.maxPostings(), config.maxCandidates() + 1)) {
      if (e.profile().itemId() != item.itemId()) {
        out.add(e.profile().itemId());
      }
    }
    return out;
  }

  private ItemProfile profile(StoryCandidate item) {
    return built.computeIfAbsent(item.itemId(), id -> {
      long time = item.published() == null ? 0 : item.published().getEpochSecond();
      return profiles.build(item, time, index.vocabulary());
    });
  }
}
