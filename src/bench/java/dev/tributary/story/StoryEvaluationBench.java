package dev.tributary.story;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.net.URI;
import java.util.Collections;
import java.util.Random;
import java.util.Comparator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.SplittableRandom;
import java.time.Duration;
import dev.tributary.config.DefaultSettings;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Feeds the shared labelled data through the engine and prints the scores. Run with
 * {@code ./mvnw -B test -Pbench -Dtest=StoryEvaluationBench}.
 */
@Tag("bench")
class StoryEvaluationBench {

  record Run(ClusterMetrics.Scores bcubed, ClusterMetrics.Scores pairwise, int predicted, int gold) {}

  static Run cluster(StoryEngine engine, List<LabelledArticles.Article> articles) {
    return cluster(engine, articles, Boolean.getBoolean("story.regroup"));
  }

  static Run cluster(StoryEngine engine, List<LabelledArticles.Article> articles, boolean regroup) {
    List<Long> predicted = predictedStories(engine, articles, regroup);
    List<String> gold = articles.stream().map(LabelledArticles.Article::story).toList();
    if (Boolean.getBoolean("story.verbose")) {
      Map<Long, List<String>> byStory = new TreeMap<>();
      for (int i = 0; i < articles.size(); i++) {
        var c = articles.get(i).candidate();
        byStory.computeIfAbsent(predicted.get(i), k -> new ArrayList<>())
            .add(gold.get(i) + " [" + c.language() + " " + c.sourceId() + "] " + c.title().substring(0, Math.min(60, c.title().length())));
      }
      byStory.values().stream().filter(l -> l.size() > 1).forEach(l -> {
        System.out.println("--");
        l.forEach(x -> System.out.println("   " + x));
      });
    }
    return new Run(
        ClusterMetrics.bcubed(predicted, gold),
        ClusterMetrics.pairwise(predicted, gold),
        new HashSet<>(predicted).size(),
        new HashSet<>(gold).size());
  }

  /** Each article's story, in the given order, after assigning them in that order (and, if asked, one regrouping). */
  static List<Long> predictedStories(StoryEngine engine, List<LabelledArticles.Article> articles, boolean regroup) {
    List<Long> predicted = new ArrayList<>();
    long next = 1;
    for (var a : articles) {
      Assignment as = engine.assign(a.candidate());
      long story = as instanceof Assignment.Join j ? j.storyId() : next++;
      if (Boolean.getBoolean("story.trace")) {
        System.out.printf(Locale.ROOT, "TRACE %-45.45s %-3s -> %d %s%n", a.story(), a.candidate().language(), story, as);
      }
      engine.indexed(a.candidate(), story);
      predicted.add(story);
    }
    if (regroup) {
      // as the service does after a burst: everything re-decided in publication order, then refined
      Regrouping r = engine.regroup(Long.MIN_VALUE, Integer.MAX_VALUE);
      Map<Long, Long> moved = new HashMap<>();
      r.moves().forEach(m -> moved.put(m.itemId(), m.toStory() < 0 ? 1_000_000_000L - m.toStory() : m.toStory()));
      for (int i = 0; i < articles.size(); i++) {
        Long to = moved.get(articles.get(i).candidate().itemId());
        if (to != null) {
          predicted.set(i, to);
        }
      }
    }
    return predicted;
  }

  @Test
  void caucasusDev() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    assumeTrue(file.isPresent(), "shared test data not found");
    var articles = half(LabelledArticles.articles(file.get()));
    print("singleton baseline", cluster(new SingletonStoryEngine(), articles));
    if (!System.getProperty("story.grid", "").isBlank()) {
      for (StoryConfig c : configs()) {
        print("clustering", cluster(new ClusteringStoryEngine(c), articles));
        System.out.println("   with " + describe(c));
      }
      return;
    }
    print("clustering (defaults)", cluster(new ClusteringStoryEngine(DefaultSettings.story()), articles));
    for (double t = 0.15; t <= 0.5; t += 0.05) {
      var config = with(DefaultSettings.story(), "joinThreshold", Double.toString(t));
      print(String.format(Locale.ROOT, "  threshold %.2f", t), cluster(new ClusteringStoryEngine(config), articles));
    }
  }

  /**
   * The development set as the service receives it: one feed per outlet polled one after another,
   * no language declared (the feeds carry none), then regrouped once polling goes quiet.
   */
  @Test
  void caucasusDevAsFeedsDeliver() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    assumeTrue(file.isPresent(), "shared test data not found");
    var articles = half(LabelledArticles.articles(file.get()));
    Map<String, List<LabelledArticles.Article>> byOutlet = new LinkedHashMap<>();
    for (var a : articles) {
      var c = a.candidate();
      var undeclared = new StoryCandidate(c.itemId(), c.sourceId(), c.url(), c.title(), c.text(), null, c.published());
      byOutlet.computeIfAbsent(c.sourceId(), k -> new ArrayList<>()).add(new LabelledArticles.Article(undeclared, a.story()));
    }
    List<LabelledArticles.Article> delivered = new ArrayList<>();
    byOutlet.values().forEach(delivered::addAll);
    for (StoryConfig c : configs()) {
      System.out.println("config " + describe(c));
      print("as feeds deliver", cluster(new ClusteringStoryEngine(c), delivered, false));
      print("  then regrouped", cluster(new ClusteringStoryEngine(c), delivered, true));
      if (Boolean.getBoolean("story.verbose")) {
        wrongMerges(c, delivered);
      }
    }
  }

  /**
   * Each wrong merge of a regrouped run: for every predicted story that holds reports of more than
   * one labelled story, the pair probabilities between its reports of different labelled stories.
   */
  private static void wrongMerges(StoryConfig c, List<LabelledArticles.Article> delivered) {
    List<Long> predicted = predictedStories(new ClusteringStoryEngine(c), delivered, true);
    var probe = new PairProbe(c);
    for (var a : delivered) probe.index(a.candidate(), a.candidate().itemId());
    Map<Long, List<LabelledArticles.Article>> byStory = new TreeMap<>();
    for (int i = 0; i < delivered.size(); i++) {
      byStory.computeIfAbsent(predicted.get(i), k -> new ArrayList<>()).add(delivered.get(i));
    }
    for (var members : byStory.values()) {
      if (members.stream().map(LabelledArticles.Article::story).distinct().count() < 2) continue;
      System.out.println("WRONG MERGE");
      for (var a : members) {
        for (var b : members) {
          if (a.story().compareTo(b.story()) >= 0) continue;
          var f = probe.compare(a.candidate(), b.candidate());
          System.out.printf(Locale.ROOT, "  %.3f %s | %-30.30s %-16.16s %.40s | %-30.30s %-16.16s %.40s%n", probe.score(f), f,
              a.story(), a.candidate().sourceId(), a.candidate().title(), b.story(), b.candidate().sourceId(), b.candidate().title());
        }
      }
    }
  }

  @Test
  void pairsDev() throws IOException {
    var pairs = devPairs();
    for (StoryConfig config : configs()) {
      if (System.getProperty("story.pairThreshold") != null) {
        config = with(config, "joinThreshold", System.getProperty("story.pairThreshold"));
      }
      var tally = new PairTally();
      for (int i = 0; i < pairs.size(); i++) {
        tally.add(pairs.get(i), clusterPair(config, pairs, i));
      }
      System.out.println("config " + describe(config));
      tally.print("pairs");
    }
  }

  /** The labelled pairs of pairs-dev (one half of them under {@code -Dstory.half}); skips when absent. */
  private static List<LabelledArticles.Pair> devPairs() throws IOException {
    var file = LabelledArticles.shared("pairs-dev.jsonl");
    assumeTrue(file.isPresent(), "shared test data not found");
    return halfPairs(LabelledArticles.pairs(file.get()));
  }

  /** Right answers per language, and under {@code -Dstory.verbose} each wrong pair. */
  private static final class PairTally {
    private final Map<String, int[]> byLanguage = new TreeMap<>();

    void add(LabelledArticles.Pair p, boolean joined) {
      int[] c = byLanguage.computeIfAbsent(p.language(), l -> new int[2]);
      c[0] += joined == p.sameStory() ? 1 : 0;
      c[1]++;
      if (joined != p.sameStory() && Boolean.getBoolean("story.verbose")) {
        System.out.printf(Locale.ROOT, "WRONG %s %s | %.60s | %.60s%n", p.language(), p.sameStory() ? "same" : "diff",
            p.a().title(), p.b().title());
      }
    }

    void print(String protocol) {
      byLanguage.forEach((l, c) -> System.out.printf(Locale.ROOT, "%s %s: accuracy %.3f (%d/%d)%n", protocol, l, c[0] / (double) c[1], c[0], c[1]));
    }
  }

  /** One side of a pair as its site's feed serves it: the host is the source, no date, no declared language. */
  private static StoryCandidate served(long id, StoryCandidate side) {
    return new StoryCandidate(id, URI.create(side.url()).getHost(), side.url(), side.title(), side.text(), null, null);
  }

  /**
   * The pairs as the black-box run serves them: every distinct article once, one feed per site,
   * no date and no declared language, all in one channel, regrouped once polling goes quiet; a
   * pair is right when its two articles end in the same story exactly when they are labelled so.
   */
  @Test
  void pairsDevTogether() throws IOException {
    var pairs = devPairs();
    Map<String, StoryCandidate> byUrl = new LinkedHashMap<>();
    for (var p : pairs) {
      for (var side : List.of(p.a(), p.b())) {
        byUrl.computeIfAbsent(side.url(), u -> served(byUrl.size() + 1L, side));
      }
    }
    Map<String, List<StoryCandidate>> bySite = new LinkedHashMap<>();
    byUrl.values().forEach(c -> bySite.computeIfAbsent(c.sourceId(), k -> new ArrayList<>()).add(c));
    List<List<StoryCandidate>> sites = new ArrayList<>(bySite.values());
    // -Dstory.seed=N polls the sites in another order, as a real run's scheduling may
    long seed = Long.getLong("story.seed", 0);
    if (seed != 0) Collections.shuffle(sites, new Random(seed));
    List<LabelledArticles.Article> delivered = new ArrayList<>();
    sites.forEach(l -> l.forEach(c -> delivered.add(new LabelledArticles.Article(c, c.url()))));
    for (StoryConfig config : configs()) {
      List<Long> predicted = predictedStories(new ClusteringStoryEngine(config), delivered, true);
      Map<String, Long> storyOf = new HashMap<>();
      for (int i = 0; i < delivered.size(); i++) storyOf.put(delivered.get(i).candidate().url(), predicted.get(i));
      var tally = new PairTally();
      for (var p : pairs) {
        tally.add(p, storyOf.get(p.a().url()).equals(storyOf.get(p.b().url())));
      }
      System.out.println("config " + describe(config));
      tally.print("pairs together");
    }
  }

  /**
   * Each pair served alone to a fresh service: its two articles, one feed per site, undated, no
   * declared language, nothing else indexed (the document frequencies come from the two alone).
   */
  @Test
  void pairsDevAlone() throws IOException {
    var pairs = devPairs();
    for (StoryConfig config : configs()) {
      var tally = new PairTally();
      for (var p : pairs) {
        List<LabelledArticles.Article> delivered = List.of(
            new LabelledArticles.Article(served(1, p.a()), p.a().url()), new LabelledArticles.Article(served(2, p.b()), p.b().url()));
        List<Long> predicted = predictedStories(new ClusteringStoryEngine(config), delivered, true);
        boolean joined = predicted.get(0).equals(predicted.get(1));
        if (joined != p.sameStory() && Boolean.getBoolean("story.verbose")) {
          var probe = new PairProbe(config);
          delivered.forEach(d -> probe.index(d.candidate(), d.candidate().itemId()));
          var f = probe.compare(delivered.get(0).candidate(), delivered.get(1).candidate());
          System.out.printf(Locale.ROOT, "SCORE %.3f %s%n", probe.score(f), f);
        }
        tally.add(p, joined);
      }
      System.out.println("config " + describe(config));
      tally.print("pairs alone");
    }
  }

  /**
   * Clusters one pair in a fresh engine whose document frequencies come from the other pairs'
   * articles, indexed ten days earlier (outside the story window), as a running engine would
   * have seen other news before.
   */
  static boolean clusterPair(StoryConfig config, List<LabelledArticles.Pair> pairs, int which) {
    var engine = new ClusteringStoryEngine(config);
    var probe = Boolean.getBoolean("story.verbose") ? new PairProbe(config) : null;
    long story = 1_000_000;
    for (int j = 0; j < pairs.size(); j++) {
      if (j == which) continue;
      for (var side : List.of(pairs.get(j).a(), pairs.get(j).b())) {
        var background = new StoryCandidate(side.itemId(), "background", side.url(), side.title(), side.text(), side.language(),
            side.published().minusSeconds(10 * 86_400), side.dated());
        engine.indexed(background, story);
        if (probe != null) probe.index(background, story);
        story++;
      }
    }
    var pair = pairs.get(which);
    if (probe != null) {
      var f = probe.compare(pair.a(), pair.b());
      System.out.printf(Locale.ROOT, "PAIR\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.2f\t%s\t%s\t%s%n",
          pair.language(), pair.sameStory(), probe.score(f), f.terms(), f.keys(), f.title(), f.names(), f.copy(), f.phaseDiffers(),
          pair.a().title(), pair.b().title());
    }
    engine.assign(pair.a());
    engine.indexed(pair.a(), 1);
    return engine.assign(pair.b()) instanceof Assignment.Join j && j.storyId() == 1;
  }

  /**
   * Every configuration of {@code -Dstory.grid} on both dev sets and the headline proxy, best
   * regional F1 first (run on request, for tuning).
   */
  @Test
  void sweep() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    var pairFile = LabelledArticles.shared("pairs-dev.jsonl");
    assumeTrue(file.isPresent() && pairFile.isPresent() && Boolean.getBoolean("story.sweep"), "sweep not requested");
    var articles = half(LabelledArticles.articles(file.get()));
    var pairs = halfPairs(LabelledArticles.pairs(pairFile.get()));
    var headlines = headlines(articles.stream().filter(a -> "en".equals(a.candidate().language())).toList());
    List<String> out = new ArrayList<>();
    for (StoryConfig c : configs()) {
      var r = cluster(new ClusteringStoryEngine(c), articles);
      var h = cluster(new ClusteringStoryEngine(c), headlines);
      Map<String, int[]> ok = new TreeMap<>();
      for (int i = 0; i < pairs.size(); i++) {
        int[] n = ok.computeIfAbsent(pairs.get(i).language(), l -> new int[2]);
        n[0] += clusterPair(c, pairs, i) == pairs.get(i).sameStory() ? 1 : 0;
        n[1]++;
      }
      out.add(String.format(Locale.ROOT, "F1 %.3f P %.3f R %.3f | pairs en %.3f ru %.3f | headlines F1 %.3f | %s",
          r.bcubed().f1(), r.bcubed().precision(), r.bcubed().recall(), ok.get("en")[0] / (double) ok.get("en")[1],
          ok.get("ru")[0] / (double) ok.get("ru")[1], h.bcubed().f1(), describe(c)));
    }
    out.sort(Comparator.reverseOrder());
    out.forEach(System.out::println);
  }

  /** Writes every within-window pair's features for offline inspection while tuning. */
  @Test
  void dumpFeatures() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    assumeTrue(file.isPresent() && Boolean.getBoolean("story.dump"), "dump not requested");
    var articles = LabelledArticles.articles(file.get());
    var probe = new PairProbe(DefaultSettings.story());
    long s = 1;
    for (var a : articles) probe.index(a.candidate(), s++);
    List<String> lines = new ArrayList<>();
    lines.add("same\tterms\tkeys\ttitle\tnames\tsameSource\tsameLang\tcopy\tphase\tscore\ta\tb");
    for (int i = 0; i < articles.size(); i++) {
      for (int j = i + 1; j < articles.size(); j++) {
        var a = articles.get(i);
        var b = articles.get(j);
        if (a.candidate().published() != null && b.candidate().published() != null
            && Math.abs(a.candidate().published().getEpochSecond() - b.candidate().published().getEpochSecond()) > 5 * 86400) continue;
        var f = probe.compare(a.candidate(), b.candidate());
        lines.add(String.format(Locale.ROOT, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%s\t%.2f\t%s\t%.3f\t%s\t%s",
            a.story().equals(b.story()), f.terms(), f.keys(), f.title(), f.names(), f.sameSource(), f.sameLanguage(), f.copy(), f.phaseDiffers(),
            probe.score(f), a.candidate().language() + ":" + a.story(), b.candidate().language() + ":" + b.story()));
      }
    }
    Files.write(Path.of("target", "story-features.tsv"), lines);
  }

  /**
   * A proxy for MStream-style input (Google News headlines, lower-cased and Porter-stemmed, no
   * dates, all in one feed): the English articles of both dev sets reduced to their stemmed
   * titles, one source, no publication time. Gold stories are caucasus-dev's labels and the
   * connected same-story pairs of pairs-dev.
   */
  @Test
  void headlinesOneSource() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    var pairFile = LabelledArticles.shared("pairs-dev.jsonl");
    assumeTrue(file.isPresent() && pairFile.isPresent(), "shared test data not found");
    var regional = headlines(half(LabelledArticles.articles(file.get())).stream()
        .filter(a -> "en".equals(a.candidate().language())).toList());
    var paired = headlines(pairArticles(halfPairs(LabelledArticles.pairs(pairFile.get())), "en"));
    List<LabelledArticles.Article> both = new ArrayList<>(regional);
    both.addAll(paired);
    for (StoryConfig c : configs()) {
      System.out.println("config " + describe(c));
      print("headlines caucasus-en", cluster(new ClusteringStoryEngine(c), regional));
      print("headlines pairs-en", cluster(new ClusteringStoryEngine(c), paired));
      print("headlines both", cluster(new ClusteringStoryEngine(c), both));
    }
  }

  /**
   * A file in the MStream data format (one JSON object a line: tweetId, clusterNo, textCleaned),
   * given with {@code -Dstory.mstream=path}: served as the service would receive it from one feed,
   * without dates or declared language. The data is not part of this repository.
   */
  @Test
  void mstreamFile() throws IOException {
    String path = System.getProperty("story.mstream", "");
    assumeTrue(!path.isBlank(), "no -Dstory.mstream file given");
    var json = new ObjectMapper();
    // -Dstory.mstreamStep=S dates the items S seconds apart in file order (undated by default)
    long step = Long.getLong("story.mstreamStep", 0L);
    List<LabelledArticles.Article> items = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(path))) {
      if (line.isBlank()) continue;
      var n = json.readTree(line);
      long id = Long.parseLong(n.get("tweetId").asText());
      items.add(new LabelledArticles.Article(new StoryCandidate(id, "news", "https://news.example/" + id,
          n.get("textCleaned").asText(), "", System.getProperty("story.mstreamLanguage"),
          step == 0 ? null : Instant.parse("2013-11-20T00:00:00Z").plusSeconds(step * items.size())),
          "c" + n.get("clusterNo").asText()));
    }
    // -Dstory.mstreamOrder=reverse|shuffle: another arrival order than the file's
    switch (System.getProperty("story.mstreamOrder", "file")) {
      case "reverse" -> Collections.reverse(items);
      case "shuffle" -> Collections.shuffle(items, new Random(7));
      default -> { }
    }
    for (StoryConfig c : configs()) {
      System.out.println("config " + describe(c));
      print("mstream file", cluster(new ClusteringStoryEngine(c), items));
    }
  }

  /**
   * With {@code -Dstory.half=0} or {@code 1}, one half of the stories (by a hash of the label), so
   * that a value tuned on one half can be checked on the other; all articles otherwise.
   */
  static List<LabelledArticles.Article> half(List<LabelledArticles.Article> articles) {
    String half = System.getProperty("story.half", "");
    if (half.isBlank()) return articles;
    int h = Integer.parseInt(half);
    return articles.stream().filter(a -> (a.story().hashCode() & 1) == h).toList();
  }

  /** The pairs of one half (alternate lines of the file) under {@code -Dstory.half}. */
  static List<LabelledArticles.Pair> halfPairs(List<LabelledArticles.Pair> pairs) {
    String half = System.getProperty("story.half", "");
    if (half.isBlank()) return pairs;
    int h = Integer.parseInt(half);
    List<LabelledArticles.Pair> out = new ArrayList<>();
    for (int i = h; i < pairs.size(); i += 2) out.add(pairs.get(i));
    return out;
  }

  /**
   * The MStream proxy at MStream's scale, on invented words: 150 stories, 11,100 lower-case
   * headlines in one feed without dates, shuffled. Each story has a few signature words of which
   * a headline uses some, plus words of a shared Zipf background. The F1 itself says little (the
   * text is artificial); the run shows whether the same-source rule, the candidate budget and the
   * one-day index behave at that size (a stream that never joins, or joins everything).
   */
  @Test
  void headlinesAtScale() {
    var random = new SplittableRandom(11_109);
    var words = new SyntheticNews(7, 4000, Instant.EPOCH, 1);
    List<LabelledArticles.Article> items = new ArrayList<>();
    long id = 1;
    for (int story = 0; story < 150; story++) {
      String[] signature = new String[8];
      for (int i = 0; i < signature.length; i++) signature[i] = words.word(3 + random.nextInt(2));
      int size = 10 + random.nextInt(139);
      for (int k = 0; k < size; k++) {
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 3 + random.nextInt(2); i++) title.append(signature[random.nextInt(signature.length)]).append(' ');
        title.append(words.background(4 + random.nextInt(4)).toLowerCase(Locale.ROOT));
        items.add(new LabelledArticles.Article(
            new StoryCandidate(id, "stream", "https://stream.example/" + id, title.toString(), "", "en", null),
            "s" + story));
        id++;
      }
    }
    Collections.shuffle(items, new Random(3));
    for (StoryConfig c : configs()) {
      long start = System.nanoTime();
      var r = cluster(new ClusteringStoryEngine(c), items);
      System.out.println("config " + describe(c));
      print("headlines at scale", r);
      System.out.printf(Locale.ROOT, "  %d items in %.1f s%n", items.size(), (System.nanoTime() - start) / 1e9);
    }
  }

  /** Each distinct article of one language's pairs, labelled by its connected same-story pairs. */
  static List<LabelledArticles.Article> pairArticles(List<LabelledArticles.Pair> pairs, String language) {
    Map<String, StoryCandidate> byUrl = new LinkedHashMap<>();
    Map<String, String> parent = new HashMap<>();
    for (var p : pairs) {
      if (!p.language().equals(language)) continue;
      byUrl.putIfAbsent(p.a().url(), p.a());
      byUrl.putIfAbsent(p.b().url(), p.b());
      if (p.sameStory()) {
        parent.put(root(parent, p.a().url()), root(parent, p.b().url()));
      }
    }
    List<LabelledArticles.Article> out = new ArrayList<>();
    byUrl.forEach((url, c) -> out.add(new LabelledArticles.Article(c, root(parent, url))));
    return out;
  }

  private static String root(Map<String, String> parent, String x) {
    while (parent.containsKey(x)) x = parent.get(x);
    return x;
  }

  private static final Analyzer PORTER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream s = new PorterStemFilter(new LowerCaseFilter(source));
      return new TokenStreamComponents(source, s);
    }
  };

  /** Title only, lower-cased and Porter-stemmed, one source, no date, declared English. */
  static List<LabelledArticles.Article> headlines(List<LabelledArticles.Article> articles) {
    List<LabelledArticles.Article> out = new ArrayList<>();
    for (var a : articles) {
      var c = a.candidate();
      String title = String.join(" ", Tokens.stems(PORTER, c.title()));
      out.add(new LabelledArticles.Article(
          new StoryCandidate(c.itemId(), "news.google.example", c.url(), title, "", "en", null), a.story()));
    }
    return out;
  }

  /**
   * The defaults, or a grid from {@code -Dstory.grid="joinThreshold=0.2,0.3;meanShare=0"}:
   * every combination of the listed values of {@link StoryConfig}'s components.
   */
  static List<StoryConfig> configs() {
    List<StoryConfig> out = new ArrayList<>(List.of(DefaultSettings.story()));
    String grid = System.getProperty("story.grid", "");
    if (grid.isBlank()) return out;
    for (String axis : grid.split(";")) {
      String[] kv = axis.split("=");
      List<StoryConfig> next = new ArrayList<>();
      for (StoryConfig c : out) {
        for (String v : kv[1].split(",")) next.add(with(c, kv[0].trim(), v.trim()));
      }
      out = next;
    }
    return out;
  }

  static StoryConfig with(StoryConfig c, String name, String value) {
    try {
      var components = StoryConfig.class.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      boolean found = false;
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = components[i].getAccessor().invoke(c);
        if (components[i].getName().equals(name)) {
          found = true;
          args[i] = types[i] == double.class ? Double.parseDouble(value)
              : types[i] == float.class ? Float.parseFloat(value)
              : types[i] == int.class ? Integer.parseInt(value)
              : types[i] == boolean.class ? Boolean.parseBoolean(value)
              : Duration.parse(value);
        }
      }
      if (!found) throw new IllegalArgumentException("no StoryConfig component " + name);
      return StoryConfig.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static String describe(StoryConfig c) {
    var d = DefaultSettings.story();
    StringBuilder b = new StringBuilder();
    try {
      for (var rc : StoryConfig.class.getRecordComponents()) {
        Object v = rc.getAccessor().invoke(c);
        if (!v.equals(rc.getAccessor().invoke(d))) b.append(rc.getName()).append('=').append(v).append(' ');
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return b.isEmpty() ? "defaults" : b.toString().trim();
  }

  private static void print(String name, Run r) {
    System.out.printf(Locale.ROOT,
        "%-24s BCubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | stories %d (gold %d)%n",
        name, r.bcubed().precision(), r.bcubed().recall(), r.bcubed().f1(), r.pairwise().precision(),
        r.pairwise().recall(), r.pairwise().f1(), r.predicted(), r.gold());
  }
}
