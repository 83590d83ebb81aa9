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
    ItemProfile p = profile(item);
    index.add(p, storyId);
    if (p.sourceId() != null) {
      sourceReports.merge(p.sourceId(), 1, Integer::sum);
      Map<Integer, Integer> counts = sourceNames.computeIfAbsent(p.sourceId(), x -> new HashMap<>());
      for (int k : p.names()) counts.merge(k, 1, Integer::sum);
      Map<Integer, Integer> terms = sourceTerms.computeIfAbsent(p.sourceId(), x -> new HashMap<>());
      for (int k : p.terms().ids()) terms.merge(k, 1, Integer::sum);
      Map<Integer, Integer> keys = sourceKeys.computeIfAbsent(p.sourceId(), x -> new HashMap<>());
      for (int k : p.keys().ids()) keys.merge(k, 1, Integer::sum);
    }
  }

  PairFeatures compare(StoryCandidate a, StoryCandidate b) {
    return scorer.features(profile(a), profile(b), index);
  }

  /** Diagnostics beside the model's inputs, for benches that look for new ones (names in {@link #EXTRAS}). */
  static final java.util.List<String> EXTRAS = java.util.List.of(
      "sameScript", "numShare", "numClash", "nameShare", "rareShared", "gapDays", "lenRatio", "logShorter", "keysAll",
      "namesMissingAll", "openingMissing10", "openingMissing10Src", "openingMissing20Max", "sameSource",
      "openNumClash", "openNumMissing", "openNumClash40", "leadNumClash", "exclusive", "exclusiveNames", "exclusiveTerms", "gapDated", "bodySrc", "keysSrc",
      "openMutual10", "openMutual20", "openMutual10Names", "openMutual10Src", "openMutual40",
      "adjClash", "placeClash", "placeClash40", "placeMissing40", "locClash40", "placeShared", "adjClash40",
      "firstWordClash", "firstWordMissing", "firstNameClash", "firstNameMissing",
      "rareName3", "rareName5", "rareName8", "rareName5Gate",
      "rareName5Streets", "rareName8Streets", "rareName5AnyStreet", "rareName5En", "ageShared", "ageClash", "ageClashStreets",
      "uncasedBoth", "uncasedAny", "sharedNameCount", "oneShared", "oneShared3", "oneSharedCross", "oneSharedSame", "fewShared",
      "keysCommon", "keysCommonSame", "hmDe", "hmNotDe", "titleNameShared");

  double[] extras(StoryCandidate ca, StoryCandidate cb) {
    ItemProfile a = profile(ca), b = profile(cb);
    double hm = scorer.features(a, b, index).headlineMissing();
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
    double[] places = places(ca, cb, a, b);
    double[] agents = agents(ca, cb, a, b, v);
    boolean bothStreets = a.streets().length > 0 && b.streets().length > 0;
    double[] ages = ages(ca, cb, a, b);
    double[] na2 = PairScorer.norms(a, index), nb2 = PairScorer.norms(b, index);
    double keysAll = PairScorer.cosine(a.keys(), na2[1], b.keys(), nb2[1], v.weights(), index::keyIdf);
    // the share of a report's names the other does not name, judged as headlineMissing is (one
    // language, neither brief, both cased): of the whole text's names (the larger side), of the
    // opening's (title and first words; the mean of both sides), and of the opening's with each
    // name discounted by the share of its source's other reports naming it too (boilerplate)
    boolean judged = sameLanguage && Math.min(sa, sb) >= PairScorer.BRIEF_TERMS && a.cased() && b.cased();
    int[] ka = a.keys().ids(), kb = b.keys().ids();
    double all = 0, open10 = 0, open10Src = 0, open20 = 0;
    // a clash of the openings: the smaller of both sides' shares of their opening's names (and
    // figures) the other report lacks, high only when each opens on subjects the other never gives
    double mutual10 = 0, mutual20 = 0, mutual10Names = 0, mutual10Src = 0, mutual40 = 0;
    if (judged) {
      int[] oa10 = opening(ca, 10, v), ob10 = opening(cb, 10, v);
      mutual10 = Math.min(missing(oa10, kb, null), missing(ob10, ka, null));
      mutual10Src = Math.min(missing(oa10, kb, a.sourceId()), missing(ob10, ka, b.sourceId()));
      int[] oa20 = opening(ca, 20, v), ob20 = opening(cb, 20, v);
      mutual20 = Math.min(missing(oa20, kb, null), missing(ob20, ka, null));
      int[] oa40 = opening(ca, 40, v), ob40 = opening(cb, 40, v);
      mutual40 = Math.min(missing(oa40, kb, null), missing(ob40, ka, null));
      int[] na10 = numbers(oa10, v, false), nb10 = numbers(ob10, v, false);
      mutual10Names = Math.min(missing(na10, kb, null), missing(nb10, ka, null));
      all = Math.max(missing(a.names(), kb, null), missing(b.names(), ka, null));
      int[] oa = opening(ca, 10, v), ob = opening(cb, 10, v);
      open10 = (missing(oa, kb, null) + missing(ob, ka, null)) / 2;
      open10Src = (missing(oa, kb, a.sourceId()) + missing(ob, ka, b.sourceId())) / 2;
      open20 = Math.max(missing(opening(ca, 20, v), kb, null), missing(opening(cb, 20, v), ka, null));
    }
    return new double[] {sameScript ? 1 : 0, numShare, clash ? 1 : 0, nameShare, 1 - Math.exp(-rare / 10), Math.min(gap, 7),
        Math.min(sa, sb) / Math.max(1, Math.max(sa, sb)), Math.log(1 + Math.min(sa, sb)), keysAll,
        all, open10, open10Src, open20, a.sourceId() != null && a.sourceId().equals(b.sourceId()) ? 1 : 0,
        numClash(openingNumbers(ca, 25, v), openingNumbers(cb, 25, v)),
        Math.max(numMissing(openingNumbers(ca, 25, v), nb), numMissing(openingNumbers(cb, 25, v), na)),
        numClash(openingNumbers(ca, 40, v), openingNumbers(cb, 40, v)),
        numClash(openingNumbers(ca, 0, v), openingNumbers(cb, 0, v)),
        exclusive(a.keys().ids(), b.keys().ids(), index::keyIdf), exclusive(a.names(), b.names(), index::keyIdf),
        sameLanguage ? exclusive(a.terms().ids(), b.terms().ids(), index::termIdf) : 0,
        a.dated() && b.dated() ? Math.min(gap, 7) : 0,
        sameLanguage ? sourceCosine(a, b, true) : 0, sourceCosine(a, b, false),
        mutual10, mutual20, mutual10Names, mutual10Src, mutual40,
        places[0], places[1], places[2], places[3], places[4], places[5], places[6],
        agents[0], agents[1], agents[2], agents[3],
        rareName(a, b, wa, wb, 3, 0), rareName(a, b, wa, wb, 5, 0), rareName(a, b, wa, wb, 8, 0), rareName(a, b, wa, wb, 5, 400),
        bothStreets ? rareName(a, b, wa, wb, 5, 0) : 0, bothStreets ? rareName(a, b, wa, wb, 8, 0) : 0,
        a.streets().length + b.streets().length > 0 ? rareName(a, b, wa, wb, 5, 0) : 0,
        "en".equals(a.language()) && "en".equals(b.language()) ? rareName(a, b, wa, wb, 5, 0) : 0,
        ages[0], ages[1], bothStreets ? ages[1] : 0,
        !a.cased() && !b.cased() ? 1 : 0, !a.cased() || !b.cased() ? 1 : 0,
        shared(wa, wb), oneShared(a, b, wa, wb, 2, 0), oneShared(a, b, wa, wb, 3, 0),
        sameLanguage ? 0 : oneShared(a, b, wa, wb, 2, 0), sameLanguage ? oneShared(a, b, wa, wb, 2, 0) : 0,
        oneShared(a, b, wa, wb, 4, 1),
        commonCosine(a, b), sameLanguage ? commonCosine(a, b) : 0,
        "de".equals(a.language()) && "de".equals(b.language()) ? hm : 0, "de".equals(a.language()) && "de".equals(b.language()) ? 0 : hm,
        titleNameShared(a, b)};
  }

  // both headlines' names (as headlineMissing reads them) share one
  private static double titleNameShared(ItemProfile a, ItemProfile b) {
    for (int n : a.headlineNames()) {
      if (java.util.Arrays.binarySearch(b.headlineNames(), n) >= 0) return 1;
    }
    return 0;
  }

  // the cosine of two reports' keys less every name either gives: what happened, apart from who and
  // where (one town, two events share the town alone)
  private double commonCosine(ItemProfile a, ItemProfile b) {
    float[] table = index.vocabulary().weights();
    TermVector.Decoded da = a.keys().decoded(table), db = b.keys().decoded(table);
    java.util.Set<Integer> names = new java.util.HashSet<>();
    for (int n : a.names()) names.add(n);
    for (int n : b.names()) names.add(n);
    double[] xa = new double[da.ids().length], xb = new double[db.ids().length];
    double na = 0, nb = 0, dot = 0;
    for (int i = 0; i < xa.length; i++) {
      xa[i] = names.contains(da.ids()[i]) ? 0 : da.weights()[i] * index.keyIdf(da.ids()[i]);
      na += xa[i] * xa[i];
    }
    for (int i = 0; i < xb.length; i++) {
      xb[i] = names.contains(db.ids()[i]) ? 0 : db.weights()[i] * index.keyIdf(db.ids()[i]);
      nb += xb[i] * xb[i];
    }
    int j = 0;
    for (int i = 0; i < xa.length; i++) {
      while (j < xb.length && db.ids()[j] < da.ids()[i]) j++;
      if (j < xb.length && db.ids()[j] == da.ids()[i]) dot += xa[i] * xb[j];
    }
    return na == 0 || nb == 0 ? 0 : Math.min(1, dot / Math.sqrt(na * nb));
  }

  // the headline's actor: the key of its first word (firstWord*) or of its first name (firstName*)
  // when the report's text repeats it capitalized; a clash when both headlines have one and neither
  // report names the other's anywhere, a miss when one report lacks the other's
  private double[] agents(StoryCandidate ca, StoryCandidate cb, ItemProfile a, ItemProfile b, Vocabulary v) {
    double[] out = new double[4];
    if (!a.language().equals(b.language()) || !a.cased() || !b.cased() || a.ledeTitle() || b.ledeTitle()
        || Math.min(a.terms().size(), b.terms().size()) < PairScorer.BRIEF_TERMS) return out;
    int[] ka = a.keys().ids(), kb = b.keys().ids();
    for (int first = 0; first < 2; first++) {
      int ga = agent(ca, first == 0, v), gb = agent(cb, first == 0, v);
      boolean lackB = ga >= 0 && java.util.Arrays.binarySearch(kb, ga) < 0;
      boolean lackA = gb >= 0 && java.util.Arrays.binarySearch(ka, gb) < 0;
      out[2 * first] = lackA && lackB ? 1 : 0;
      out[2 * first + 1] = lackA || lackB ? 1 : 0;
    }
    return out;
  }

  private int agent(StoryCandidate item, boolean firstWordOnly, Vocabulary v) {
    var analyzer = analyzers.forLanguage(ProfileBuilder.languageOf(item));
    java.util.Set<String> inBody = new java.util.HashSet<>();
    for (Tokens.Token t : Tokens.analyze(analyzer, item.text(), config.maxTokens())) {
      String k = t.capitalized() ? nameKey(t.term()) : null;
      if (k != null) inBody.add(k);
    }
    for (Tokens.Token t : Tokens.analyze(analyzer, item.title(), config.maxTokens())) {
      String k = t.capitalized() ? nameKey(t.term()) : null;
      if (k != null && inBody.contains(k)) return v.id(k);
      if (firstWordOnly) return -1;
    }
    return -1;
  }

  private String nameKey(String term) {
    if (term.length() < 2) return null;
    String concept = termMap.concept(term);
    String key = concept != null ? concept : crossKeys.key(term);
    return key == null || key.charAt(0) == '#' ? null : key;
  }

  // place adjectives and locative names of Russian, Ukrainian and Belarusian reports (PlaceProbe):
  // a clash (both sides name places, none the other gives), a one-sided miss, and a place shared
  private double[] places(StoryCandidate ca, StoryCandidate cb, ItemProfile a, ItemProfile b) {
    double[] out = new double[7];
    if (!a.language().equals(b.language()) || !PlaceProbe.applies(a.language()) || !a.cased() || !b.cased()) return out;
    PlaceProbe probe = new PlaceProbe(a.language(), analyzers.forLanguage(a.language()), crossKeys, termMap);
    PlaceProbe.Places pa = probe.of(ca.title(), ca.text(), 0), pb = probe.of(cb.title(), cb.text(), 0);
    PlaceProbe.Places qa = probe.of(ca.title(), ca.text(), 40), qb = probe.of(cb.title(), cb.text(), 40);
    out[0] = clash(pa.adjectives(), pa.keys(), pb.adjectives(), pb.keys());
    out[1] = clash(union(pa), pa.keys(), union(pb), pb.keys());
    out[2] = clash(union(qa), qa.keys(), union(qb), qb.keys());
    out[3] = (!union(qa).isEmpty() && !PlaceProbe.met(union(qa), qb.keys()))
        || (!union(qb).isEmpty() && !PlaceProbe.met(union(qb), qa.keys())) ? 1 : 0;
    out[4] = clash(qa.locatives(), qa.keys(), qb.locatives(), qb.keys());
    out[5] = PlaceProbe.met(union(pa), pb.keys()) || PlaceProbe.met(union(pb), pa.keys()) ? 1 : 0;
    out[6] = clash(qa.adjectives(), qa.keys(), qb.adjectives(), qb.keys());
    return out;
  }

  private static java.util.Set<String> union(PlaceProbe.Places p) {
    java.util.Set<String> u = new java.util.HashSet<>(p.adjectives());
    u.addAll(p.locatives());
    return u;
  }

  private static double clash(java.util.Set<String> pa, java.util.Set<String> ka, java.util.Set<String> pb, java.util.Set<String> kb) {
    return !pa.isEmpty() && !pb.isEmpty() && !PlaceProbe.met(pa, kb) && !PlaceProbe.met(pb, ka) ? 1 : 0;
  }

  // shared ids that (almost) no other indexed report has: df of at most 2, read back from the IDF
  private double exclusive(int[] a, int[] b, java.util.function.IntToDoubleFunction idf) {
    int n = 0;
    int size = index.size();
    for (int x : a) {
      if (java.util.Arrays.binarySearch(b, x) < 0) continue;
      double df = (size + 1.0) / Math.exp(idf.applyAsDouble(x) - 1.0) - 0.5;
      if (df <= 2.5) n++;
    }
    return 1 - Math.exp(-n / 3.0);
  }

  private static final java.util.regex.Pattern AGE = java.util.regex.Pattern.compile(
      "\\b(\\d{1,3})[- ]years?[- ]old\\b|\\b[A-Z][a-z]+, (\\d{1,3}),|\\baged? (\\d{1,3})\\b");

  static java.util.Set<Integer> agesOf(String title, String text) {
    java.util.Set<Integer> out = new java.util.HashSet<>();
    var m = AGE.matcher(title + " . " + text);
    while (m.find()) {
      for (int g = 1; g <= 3; g++) if (m.group(g) != null) out.add(Integer.parseInt(m.group(g)));
    }
    return out;
  }

  // English reports' ages: one both give, and both giving ages none of which agree
  private static double[] ages(StoryCandidate ca, StoryCandidate cb, ItemProfile a, ItemProfile b) {
    if (!"en".equals(a.language()) || !"en".equals(b.language())) return new double[2];
    var x = agesOf(ca.title(), ca.text());
    var y = agesOf(cb.title(), cb.text());
    if (x.isEmpty() || y.isEmpty()) return new double[2];
    boolean shared = x.stream().anyMatch(y::contains);
    return new double[] {shared ? 1 : 0, shared ? 0 : 1};
  }

  // a name (no figure) both cased reports give that at most k indexed reports give, with at least
  // minSize reports indexed
  private double rareName(ItemProfile a, ItemProfile b, int[] wa, int[] wb, int k, int minSize) {
    if (!a.cased() || !b.cased() || index.size() < minSize) return 0;
    int size = index.size();
    for (int x : wa) {
      if (java.util.Arrays.binarySearch(wb, x) < 0) continue;
      double df = (size + 1.0) / Math.exp(index.keyIdf(x) - 1.0) - 0.5;
      if (df <= k + 0.5) return 1;
    }
    return 0;
  }

  // figures (numbers other than years) of the title and the text's first n words
  private int[] openingNumbers(StoryCandidate item, int n, Vocabulary v) {
    return numbers(opening(item, n, v), v, true);
  }

  // both openings give figures and none of either's is among the other's
  private static double numClash(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) return 0;
    for (int x : a) if (java.util.Arrays.binarySearch(b, x) >= 0) return 0;
    return 1;
  }

  // the share of an opening's figures the other report does not give anywhere (0 when it gives none)
  private static double numMissing(int[] opening, int[] other) {
    if (opening.length == 0 || other.length == 0) return 0;
    int lacking = 0;
    for (int x : opening) if (java.util.Arrays.binarySearch(other, x) < 0) lacking++;
    return lacking / (double) opening.length;
  }

  // the keys of the names (and numbers) of the title and the text's first n words, as the profile
  // builder tells names; sorted ids
  private int[] opening(StoryCandidate item, int n, Vocabulary v) {
    var analyzer = analyzers.forLanguage(ProfileBuilder.languageOf(item));
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    List<Tokens.Token> body = Tokens.analyze(analyzer, item.text(), Math.min(n, config.maxTokens()));
    for (List<Tokens.Token> tokens : List.of(Tokens.analyze(analyzer, item.title(), config.maxTokens()), body)) {
      for (Tokens.Token t : tokens) {
        String term = t.term();
        if (term.length() < 2 && !Character.isDigit(term.charAt(0))) continue;
        String concept = termMap.concept(term);
        String key = concept != null ? concept : crossKeys.key(term);
        if (key != null && (t.capitalized() || (concept == null && key.charAt(0) == '#'))) out.add(v.id(key));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  // IDF-weighted share of names the other's keys lack; with a source, each name weighs less by
  // the share of that source's other indexed reports naming it (from three reports on)
  private double missing(int[] names, int[] other, String source) {
    Map<Integer, Integer> counts = source == null ? null : sourceNames.get(source);
    int reports = source == null ? 0 : sourceReports.getOrDefault(source, 0);
    double all = 0, lacking = 0;
    for (int k : names) {
      double w = index.keyIdf(k);
      if (counts != null && reports >= 3) {
        w *= 1 - Math.max(0, (counts.getOrDefault(k, 0) - 1.0) / (reports - 1));
      }
      all += w;
      lacking += java.util.Arrays.binarySearch(other, k) < 0 ? w : 0;
    }
    return all == 0 ? 0 : lacking / all;
  }

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final CrossScriptKeys crossKeys = new CrossScriptKeys();
  private final TermMap termMap = TermMap.load(analyzers);
  // per source: reports indexed, and how many of them name each key
  private final Map<String, Integer> sourceReports = new HashMap<>();
  private final Map<String, Map<Integer, Integer>> sourceNames = new HashMap<>();
  private final Map<String, Map<Integer, Integer>> sourceTerms = new HashMap<>();
  private final Map<String, Map<Integer, Integer>> sourceKeys = new HashMap<>();

  // cosine under IDF with each side's terms discounted by the share of its source's other indexed
  // reports that have them too (from three reports on): an outlet's boilerplate weighs nothing
  private double sourceCosine(ItemProfile a, ItemProfile b, boolean terms) {
    float[] table = index.vocabulary().weights();
    java.util.function.IntToDoubleFunction idf = terms ? index::termIdf : index::keyIdf;
    TermVector.Decoded da = (terms ? a.terms() : a.keys()).decoded(table), db = (terms ? b.terms() : b.keys()).decoded(table);
    double[] wa = discounted(da, a.sourceId(), terms, idf), wb = discounted(db, b.sourceId(), terms, idf);
    double na = 0, nb = 0, dot = 0;
    for (double x : wa) na += x * x;
    for (double x : wb) nb += x * x;
    int j = 0;
    for (int i = 0; i < da.ids().length; i++) {
      while (j < db.ids().length && db.ids()[j] < da.ids()[i]) j++;
      if (j < db.ids().length && db.ids()[j] == da.ids()[i]) dot += wa[i] * wb[j];
    }
    return na == 0 || nb == 0 ? 0 : Math.min(1, dot / Math.sqrt(na * nb));
  }

  private double[] discounted(TermVector.Decoded d, String source, boolean terms, java.util.function.IntToDoubleFunction idf) {
    Map<Integer, Integer> counts = source == null ? null : (terms ? sourceTerms : sourceKeys).get(source);
    int reports = source == null ? 0 : sourceReports.getOrDefault(source, 0);
    double[] out = new double[d.ids().length];
    for (int i = 0; i < out.length; i++) {
      double w = d.weights()[i] * idf.applyAsDouble(d.ids()[i]);
      if (counts != null && reports >= 3) {
        w *= 1 - Math.max(0, (counts.getOrDefault(d.ids()[i], 0) - 1.0) / (reports - 1));
      }
      out[i] = w;
    }
    return out;
  }

  private static int shared(int[] a, int[] b) {
    int n = 0;
    for (int x : a) if (java.util.Arrays.binarySearch(b, x) >= 0) n++;
    return n;
  }

  // one name (or at most `more` more) in common while each side gives at least `least` names: one anchor, a subject rather than an event
  private static double oneShared(ItemProfile a, ItemProfile b, int[] wa, int[] wb, int least, int more) {
    if (!a.cased() || !b.cased() || wa.length < least || wb.length < least) return 0;
    int n = shared(wa, wb);
    return n >= 1 && n <= 1 + more ? 1 : 0;
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
