package dev.tributary.story;

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
    List<Long> predicted = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    long next = 1;
    for (var a : articles) {
      Assignment as = engine.assign(a.candidate());
      long story = as instanceof Assignment.Join j ? j.storyId() : next++;
      if (Boolean.getBoolean("story.trace") && engine instanceof ClusteringStoryEngine ce) {
        System.out.printf(Locale.ROOT, "TRACE %-45.45s %-3s -> %d best %.3f %s%n", a.story(), a.candidate().language(), story, ce.lastBest(), as);
      }
      engine.indexed(a.candidate(), story);
      predicted.add(story);
      gold.add(a.story());
    }
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

  @Test
  void caucasusDev() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    assumeTrue(file.isPresent(), "shared test data not found");
    var articles = LabelledArticles.articles(file.get());
    print("singleton baseline", cluster(new SingletonStoryEngine(), articles));
    print("clustering (defaults)", cluster(new ClusteringStoryEngine(), articles));
    for (double t = 0.15; t <= 0.5; t += 0.05) {
      var config = StoryConfig.defaults().withJoinThreshold(t);
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
    var articles = LabelledArticles.articles(file.get());
    Map<String, List<LabelledArticles.Article>> byOutlet = new java.util.LinkedHashMap<>();
    for (var a : articles) {
      var c = a.candidate();
      var undeclared = new StoryCandidate(c.itemId(), c.sourceId(), c.url(), c.title(), c.text(), null, c.published());
      byOutlet.computeIfAbsent(c.sourceId(), k -> new ArrayList<>()).add(new LabelledArticles.Article(undeclared, a.story()));
    }
    List<LabelledArticles.Article> delivered = new ArrayList<>();
    byOutlet.values().forEach(delivered::addAll);
    var engine = new ClusteringStoryEngine();
    print("as feeds deliver", cluster(engine, delivered));
    Regrouping r = engine.regroup(engine.regroupDueFrom().orElse(Long.MIN_VALUE), 100_000);
    Map<Long, Long> storyOf = new java.util.HashMap<>();
    // cluster() numbered new stories 1, 2, 3... in arrival order
    long next = 1;
    Map<Long, Long> placed = new java.util.HashMap<>();
    for (var a : delivered) {
      storyOf.put(a.candidate().itemId(), null);
    }
    var replay = new ClusteringStoryEngine();
    List<Long> predicted = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    // the moves are relative to cluster()'s numbering: rebuild it, then apply them
    for (var a : delivered) {
      Assignment as = replay.assign(a.candidate());
      long story = as instanceof Assignment.Join j ? j.storyId() : next++;
      replay.indexed(a.candidate(), story);
      storyOf.put(a.candidate().itemId(), story);
    }
    for (var m : r.moves()) {
      storyOf.put(m.itemId(), m.toStory() < 0 ? placed.computeIfAbsent(m.toStory(), k -> 1_000_000L + placed.size()) : m.toStory());
    }
    for (var a : delivered) {
      predicted.add(storyOf.get(a.candidate().itemId()));
      gold.add(a.story());
    }
    print("  then regrouped", new Run(ClusterMetrics.bcubed(predicted, gold), ClusterMetrics.pairwise(predicted, gold),
        new HashSet<>(predicted).size(), new HashSet<>(gold).size()));
    if (Boolean.getBoolean("story.verbose")) {
      Map<Long, List<String>> byStory = new TreeMap<>();
      for (int i = 0; i < delivered.size(); i++) {
        var c = delivered.get(i).candidate();
        byStory.computeIfAbsent(predicted.get(i), k -> new ArrayList<>())
            .add(gold.get(i) + " [" + c.sourceId() + "] " + c.title().substring(0, Math.min(60, c.title().length())));
      }
      byStory.values().stream().filter(l -> l.stream().map(x -> x.split(" ")[0]).distinct().count() > 1).forEach(l -> {
        System.out.println("-- mixed");
        l.forEach(x -> System.out.println("   " + x));
      });
    }
  }

  @Test
  void pairsDev() throws IOException {
    var file = LabelledArticles.shared("pairs-dev.jsonl");
    assumeTrue(file.isPresent(), "shared test data not found");
    var pairs = LabelledArticles.pairs(file.get());
    Map<String, int[]> byLanguage = new TreeMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      var pair = pairs.get(i);
      boolean joined = clusterPair(StoryConfig.defaults().withJoinThreshold(
          Double.parseDouble(System.getProperty("story.pairThreshold", String.valueOf(StoryConfig.defaults().joinThreshold())))), pairs, i);
      int[] c = byLanguage.computeIfAbsent(pair.language(), l -> new int[2]);
      c[0] += joined == pair.sameStory() ? 1 : 0;
      c[1]++;
    }
    byLanguage.forEach((l, c) -> System.out.printf(Locale.ROOT, "pairs %s: accuracy %.3f (%d/%d)%n", l, c[0] / (double) c[1], c[0], c[1]));
  }

  /**
   * Clusters one pair in a fresh engine whose document frequencies come from the other pairs'
   * articles, indexed ten days earlier (outside the story window), as a running engine would
   * have seen other news before.
   */
  static boolean clusterPair(StoryConfig config, List<LabelledArticles.Pair> pairs, int which) {
    var engine = new ClusteringStoryEngine(config);
    long story = 1_000_000;
    for (int j = 0; j < pairs.size(); j++) {
      if (j == which) continue;
      for (var side : List.of(pairs.get(j).a(), pairs.get(j).b())) {
        engine.indexed(
            new StoryCandidate(side.itemId(), "background", side.url(), side.title(), side.text(), side.language(),
                side.published().minusSeconds(10 * 86_400)),
            story++);
      }
    }
    var pair = pairs.get(which);
    if (Boolean.getBoolean("story.verbose")) {
      var f = engine.compare(pair.a(), pair.b());
      System.out.printf(Locale.ROOT, "PAIR\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%.2f\t%s\t%s\t%s%n",
          pair.language(), pair.sameStory(), engine.score(f), f.terms(), f.keys(), f.title(), f.names(), f.numbersClash(), f.copy(), f.phaseDiffers(),
          pair.a().title(), pair.b().title());
    }
    engine.assign(pair.a());
    engine.indexed(pair.a(), 1);
    return engine.assign(pair.b()) instanceof Assignment.Join j && j.storyId() == 1;
  }

  /** Grid over the main weights, printed for tuning on the dev data (run on request). */
  @Test
  void sweep() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    var pairFile = LabelledArticles.shared("pairs-dev.jsonl");
    assumeTrue(file.isPresent() && pairFile.isPresent() && Boolean.getBoolean("story.sweep"), "sweep not requested");
    var articles = LabelledArticles.articles(file.get());
    var pairs = LabelledArticles.pairs(pairFile.get());
    var d = StoryConfig.defaults();
    List<String> out = new ArrayList<>();
    for (double threshold : new double[] {0.16, 0.2, 0.25}) {
      for (double titleShare : new double[] {d.titleShare()}) {
        for (double boost : new double[] {d.crossLanguageBoost()}) {
          for (double phase : new double[] {0, 0.15, 0.3}) {
            var c = new StoryConfig(d.window(), d.statsHorizon(), threshold, d.duplicateThreshold(), d.sameSourceFactor(),
                d.phaseFactor(), titleShare, d.numberClashFactor(), d.meanShare(), phase, boost, d.titleWeight(), d.nameWeight(), d.maxTokens(),
                d.queryKeys(), d.maxCandidates(), d.maxPostings());
            var r = cluster(new ClusteringStoryEngine(c), articles);
            int ok = 0;
            if (Boolean.getBoolean("story.sweepPairs")) {
              for (int i = 0; i < pairs.size(); i++) ok += clusterPair(c, pairs, i) == pairs.get(i).sameStory() ? 1 : 0;
            }
            out.add(String.format(Locale.ROOT, "F1 %.3f P %.3f R %.3f pairs %.3f | t %.2f title %.2f boost %.1f names %.2f",
                r.bcubed().f1(), r.bcubed().precision(), r.bcubed().recall(), ok / (double) pairs.size(), threshold, titleShare, boost, phase));
          }
        }
      }
    }
    out.sort(java.util.Comparator.reverseOrder());
    out.forEach(System.out::println);
  }

  /** Writes every within-window pair's features for offline inspection while tuning. */
  @Test
  void dumpFeatures() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl");
    assumeTrue(file.isPresent() && Boolean.getBoolean("story.dump"), "dump not requested");
    var articles = LabelledArticles.articles(file.get());
    var engine = new ClusteringStoryEngine();
    long s = 1;
    for (var a : articles) engine.indexed(a.candidate(), s++);
    List<String> lines = new ArrayList<>();
    lines.add("same\tterms\tkeys\ttitle\tnames\tclash\thours\tsameSource\tsameLang\tcopy\tphase\tscore\ta\tb");
    for (int i = 0; i < articles.size(); i++) {
      for (int j = i + 1; j < articles.size(); j++) {
        var a = articles.get(i);
        var b = articles.get(j);
        if (a.candidate().published() != null && b.candidate().published() != null
            && Math.abs(a.candidate().published().getEpochSecond() - b.candidate().published().getEpochSecond()) > 5 * 86400) continue;
        var f = engine.compare(a.candidate(), b.candidate());
        lines.add(String.format(Locale.ROOT, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%.1f\t%s\t%s\t%.2f\t%s\t%.3f\t%s\t%s",
            a.story().equals(b.story()), f.terms(), f.keys(), f.title(), f.names(), f.numbersClash(), f.hours(), f.sameSource(), f.sameLanguage(), f.copy(), f.phaseDiffers(),
            engine.score(f), a.candidate().language() + ":" + a.story(), b.candidate().language() + ":" + b.story()));
      }
    }
    Files.write(Path.of("target", "story-features.tsv"), lines);
  }

  private static void print(String name, Run r) {
    System.out.printf(Locale.ROOT,
        "%-24s BCubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | stories %d (gold %d)%n",
        name, r.bcubed().precision(), r.bcubed().recall(), r.bcubed().f1(), r.pairwise().precision(),
        r.pairwise().recall(), r.pairwise().f1(), r.predicted(), r.gold());
  }
}
