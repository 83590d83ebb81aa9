package dev.tributary.story;

import java.util.TreeMap;
import dev.tributary.config.DefaultSettings;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Trains the {@link PairModel} on all labelled development data together and measures it by
 * k-fold cross-validation grouped by story: every fold holds whole stories (for pair files, whole
 * groups of pairs that share an article), the model is fitted on the other folds, and only the
 * held-out folds' figures are printed.
 *
 * <ul>
 *   <li>{@code ./mvnw -B test -Pbench -Dtest=PairModelBench#crossValidate} prints, per data set,
 *       the held-out figures through the engine (articles as their outlets' feeds deliver them,
 *       undated and undeclared pairs served together, each regrouped once) and per pair;
 *       {@code -Dstory.thresholds=0.4,0.5,0.6} tries other join thresholds, {@code
 *       -Dstory.drop=phaseDiffers,datesDiffer} trains without those inputs, {@code
 *       -Dstory.pairsOnly=true} skips the engine runs; {@code -Dstory.dump=FILE} writes every compared pair's
 *       inputs and {@link PairProbe#EXTRAS} (candidate inputs not in the model) as TSV, to read or fit
 *       elsewhere; {@code -Dstory.inSample=true} scores every fold with the model fitted on all data and
 *       {@code -Dstory.oneRun=true} then serves each pair file's articles to one engine, as the black-box
 *       run through the jar does (training-fit figures, to tell apart why the jar's differ from the folds').</li>
 *   <li>{@code ./mvnw -B test -Pbench -Dtest=PairModelBench#train -Dstory.write=true} fits on
 *       everything and rewrites the shipped weights.</li>
 * </ul>
 */
@Tag("bench")
class PairModelBench {

  private static final int FOLDS = 5;
  private static final double L2 = 1.0;
  private static final Path SHIPPED = Path.of("src/main/resources/dev/tributary/story", PairModel.SHIPPED);
  private static final Path SHIPPED_STORY = Path.of("src/main/resources/dev/tributary/story", StoryModel.SHIPPED);
  private static final List<String> ARTICLE_SETS = List.of("caucasus-dev.jsonl", "gva-dev.jsonl");
  private static final List<String> PAIR_SETS = List.of("pairs-dev.jsonl", "pairs-ru-more-dev.jsonl", "semeval22-dev.jsonl");

  /** One compared pair: its data set, the folds of its two sides' stories, its label and inputs. */
  record Sample(String dataset, int foldA, int foldB, boolean same, double[] x, String note, double[] extra) {
    Sample(String dataset, int foldA, int foldB, boolean same, double[] x, String note) {
      this(dataset, foldA, foldB, same, x, note, new double[0]);
    }

    boolean outside(int fold) {
      return foldA != fold && foldB != fold;
    }
  }

  /** A data set as served, with the fold of each item. */
  record Served(String name, List<LabelledArticles.Article> articles, Map<Long, Integer> fold,
      List<LabelledArticles.Pair> pairs, List<Sample> samples, List<Neighbourhood> neighbourhoods) {}

  /**
   * An article against the candidates the engine would score in its fold, grouped by their gold
   * story (each group's pairs as indexes into the set's samples, and whether that story holds
   * another report of the article's source): what the {@link StoryModel} learns from.
   */
  record Neighbourhood(int fold, String story, Map<String, List<Integer>> byStory, Set<String> storiesWithSource) {}

  @Test
  void crossValidate() throws IOException {
    List<Served> sets = load();
    List<Sample> all = new ArrayList<>();
    sets.forEach(s -> all.addAll(s.samples()));
    dump(all);
    PairModel[] models = new PairModel[FOLDS];
    for (int k = 0; k < FOLDS; k++) {
      int held = k;
      models[k] = fit(all.stream().filter(s -> s.outside(held)).toList());
    }
    StoryModel[] storyModels = new StoryModel[FOLDS];
    for (int k = 0; k < FOLDS; k++) {
      storyModels[k] = fitStory(sets, models[k], k, base());
    }
    if (Boolean.getBoolean("story.inSample")) {
      // the training fit, as the shipped weights meet the dev files through the jar: not a held-out figure
      Arrays.fill(models, fit(all));
      Arrays.fill(storyModels, fitStory(sets, models[0], -1, base()));
      System.out.println("== IN-SAMPLE: every fold scored by the model fitted on all data");
    }
    for (int k = 0; k < FOLDS; k++) {
      System.out.printf(Locale.ROOT, "story model fold %d: sourceInStory %.3f%n", k, storyModels[k].sourceInStory());
    }
    for (String variant : System.getProperty("story.variants", "").split("\\|", -1))
    for (double threshold : thresholds()) {
      StoryConfig config = StoryEvaluationBench.with(applied(base(), variant), "joinThreshold", Double.toString(threshold));
      System.out.printf(Locale.ROOT, "== join threshold %.2f, %d folds (articles by %s, pairs by shared article), held-out figures %s%n",
          threshold, FOLDS, System.getProperty("story.folds", "month"), variant);
      for (Served set : sets) {
        if (Boolean.getBoolean("story.pairsOnly") || !engineRuns(set)) {
          // feature ablations compare the pair figures alone
        } else if (set.pairs() == null) {
          clusterHeldOut(set, config, models, storyModels);
        } else {
          pairsHeldOut(set, config, models, storyModels);
        }
        pairLevel(set, models, threshold);
      }
    }
  }

  /**
   * Leave one data set out: the model is fitted on the other files only and measured on the one
   * left out, folds and engine runs as in {@link #crossValidate}. No story, outlet or labelling
   * guideline of the measured file took part in the fit, so this is the figure for feeds never seen.
   */
  @Test
  void leaveOneOut() throws IOException {
    List<Served> sets = load();
    double threshold = thresholds().get(0);
    StoryConfig config = StoryEvaluationBench.with(base(), "joinThreshold", Double.toString(threshold));
    System.out.printf(Locale.ROOT, "== join threshold %.2f, each data set measured with a model fitted on the others%n", threshold);
    for (Served set : sets) {
      List<Sample> others = new ArrayList<>();
      sets.stream().filter(s -> s != set).forEach(s -> others.addAll(s.samples()));
      PairModel[] models = new PairModel[FOLDS];
      Arrays.fill(models, fit(others));
      StoryModel[] storyModels = new StoryModel[FOLDS];
      Arrays.fill(storyModels, fitStory(sets.stream().filter(s -> s != set).toList(), models[0], -1, base()));
      if (Boolean.getBoolean("story.pairsOnly")) {
        // pair figures alone
      } else if (set.pairs() == null) {
        clusterHeldOut(set, config, models, storyModels);
      } else {
        pairsHeldOut(set, config, models, storyModels);
      }
      int[] c = new int[4];
      double logLoss = 0;
      for (Sample s : set.samples()) {
        double p = models[0].probability(s.x());
        tally(c, s.same(), p >= threshold);
        logLoss -= Math.log(Math.max(1e-9, s.same() ? p : 1 - p));
      }
      print(set.name(), String.format(Locale.ROOT, "pairs (log loss %.3f)", logLoss / set.samples().size()), c);
    }
  }

  /**
   * The logistic model against small gradient-boosted trees ({@code -Dstory.gbm=rounds,depth,rate,lambda,minHessian}),
   * pair-level: held-out folds by story, then each data set left out.
   */
  @Test
  void compareModels() throws IOException {
    List<Served> sets = load();
    List<Sample> all = new ArrayList<>();
    sets.forEach(s -> all.addAll(s.samples()));
    double threshold = thresholds().get(0);
    String[] g = System.getProperty("story.gbm", "100,2,0.1,1.0,1.0").split(",");
    java.util.function.Function<List<Sample>, java.util.function.ToDoubleFunction<double[]>> boosted = train -> {
      Map<String, Integer> count = new HashMap<>();
      train.forEach(s -> count.merge(s.dataset(), 1, Integer::sum));
      double[][] x = new double[train.size()][];
      boolean[] y = new boolean[train.size()];
      double[] w = new double[train.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = train.get(i).x();
        y[i] = train.get(i).same();
        w[i] = 1000.0 / count.get(train.get(i).dataset());
      }
      BoostedTrees t = BoostedTrees.fit(x, y, w, Integer.parseInt(g[0]), Integer.parseInt(g[1]),
          Double.parseDouble(g[2]), Double.parseDouble(g[3]), Double.parseDouble(g[4]));
      return t::probability;
    };
    java.util.function.Function<List<Sample>, java.util.function.ToDoubleFunction<double[]>> logistic = train -> {
      PairModel m = fit(train);
      return m::probability;
    };
    for (var entry : Map.of("logistic", logistic, "boosted " + String.join(",", g), boosted).entrySet()) {
      Map<String, double[]> cv = new TreeMap<>();
      Map<String, int[]> cvc = new TreeMap<>();
      for (int k = 0; k < FOLDS; k++) {
        int held = k;
        var m = entry.getValue().apply(all.stream().filter(s -> s.outside(held)).toList());
        for (Sample s : all) {
          if (s.foldA() != held || s.foldB() != held) continue;
          double p = m.applyAsDouble(s.x());
          double[] l = cv.computeIfAbsent(s.dataset(), d -> new double[2]);
          l[0] -= Math.log(Math.max(1e-9, s.same() ? p : 1 - p));
          l[1]++;
          tally(cvc.computeIfAbsent(s.dataset(), d -> new int[4]), s.same(), p >= threshold);
        }
      }
      for (String d : cv.keySet()) {
        print(d, String.format(Locale.ROOT, "%s CV pairs (log loss %.3f)", entry.getKey(), cv.get(d)[0] / cv.get(d)[1]), cvc.get(d));
      }
      for (Served set : sets) {
        var m = entry.getValue().apply(all.stream().filter(s -> !s.dataset().equals(set.name())).toList());
        int[] c = new int[4];
        double l = 0;
        for (Sample s : set.samples()) {
          double p = m.applyAsDouble(s.x());
          l -= Math.log(Math.max(1e-9, s.same() ? p : 1 - p));
          tally(c, s.same(), p >= threshold);
        }
        print(set.name(), String.format(Locale.ROOT, "%s left out (log loss %.3f)", entry.getKey(), l / set.samples().size()), c);
      }
    }
  }

  /**
   * Each input left out in turn: the held-out log loss per data set without it, against all
   * inputs. An input whose absence costs nothing on any data set is a rule the folds don't support.
   */
  @Test
  void ablate() throws IOException {
    List<Served> sets = load();
    List<String> names = new ArrayList<>(List.of("(all inputs)"));
    names.addAll(PairModel.FEATURES);
    for (String left : names) {
      int column = PairModel.FEATURES.indexOf(left);
      List<Sample> all = new ArrayList<>();
      for (Served set : sets) {
        for (Sample s : set.samples()) {
          double[] x = s.x().clone();
          if (column >= 0) x[column] = 0;
          all.add(new Sample(s.dataset(), s.foldA(), s.foldB(), s.same(), x, s.note()));
        }
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "without %-14s", left));
      Map<String, double[]> loss = new LinkedHashMap<>();
      for (int k = 0; k < FOLDS; k++) {
        int held = k;
        PairModel m = fit(all.stream().filter(s -> s.outside(held)).toList());
        for (Sample s : all) {
          if (s.foldA() != held || s.foldB() != held) continue;
          double p = m.probability(s.x());
          double[] l = loss.computeIfAbsent(s.dataset(), d -> new double[2]);
          l[0] -= Math.log(Math.max(1e-9, s.same() ? p : 1 - p));
          l[1]++;
        }
      }
      loss.forEach((d, l) -> line.append(String.format(Locale.ROOT, " | %s %.4f", d.replace("-dev.jsonl", ""), l[0] / l[1])));
      System.out.println(line);
    }
  }

  @Test
  void train() throws IOException {
    List<Served> sets = load();
    List<Sample> all = new ArrayList<>();
    sets.forEach(s -> all.addAll(s.samples()));
    PairModel model = fit(all);
    StringBuilder out = new StringBuilder();
    out.append("# Pair model: logistic regression over PairModel.FEATURES, fitted on all labelled dev data\n");
    out.append("# (each data set weighing the same, L2 ").append(L2).append("). Retrain with\n");
    out.append("#   ./mvnw -B test -Pbench -Dtest=PairModelBench#train -Dstory.write=true\n");
    for (Served s : sets) {
      long same = s.samples().stream().filter(Sample::same).count();
      out.append(String.format(Locale.ROOT, "# %s: %d pairs (%d same story)%n", s.name(), s.samples().size(), same));
    }
    out.append("version=").append(model.version()).append('\n');
    out.append(String.format(Locale.ROOT, "intercept=%.4f%n", model.intercept()));
    double[] w = model.weights();
    for (int i = 0; i < w.length; i++) {
      out.append(String.format(Locale.ROOT, "%s=%.4f%n", PairModel.FEATURES.get(i), w[i]));
    }
    System.out.print(out);
    StoryModel story = fitStory(sets, model, -1, base());
    StringBuilder storyOut = new StringBuilder();
    storyOut.append("# Story model: the shift of a story score's log-odds when the story holds a report of the\n");
    storyOut.append("# item's source, fitted on the labelled articles' stories with the pair model. Retrained with it by\n");
    storyOut.append("#   ./mvnw -B test -Pbench -Dtest=PairModelBench#train -Dstory.write=true\n");
    storyOut.append("version=v1\n");
    storyOut.append(String.format(Locale.ROOT, "sourceInStory=%.4f%n", story.sourceInStory()));
    System.out.print(storyOut);
    if (Boolean.getBoolean("story.write")) {
      Files.writeString(SHIPPED, out);
      Files.writeString(SHIPPED_STORY, storyOut);
      System.out.println("written to " + SHIPPED + " and " + SHIPPED_STORY);
    }
  }

  /**
   * The story model fitted on the neighbourhoods of the articles outside fold {@code held} (all
   * for -1), their pairs scored by {@code pairs}: each article against each gold story among its
   * candidates, same story or not, scored as the engine scores a story; the model's one weight
   * shifts the log-odds of those whose story holds another report of the article's source (each
   * data set weighing the same, L2 as the pair model's). Pair files give no stories and take no part.
   */
  static StoryModel fitStory(List<Served> sets, PairModel pairs, int held, StoryConfig config) {
    List<double[]> rows = new ArrayList<>(); // {offset, label, weight}
    for (Served set : sets) {
      List<double[]> own = new ArrayList<>();
      int all = 0;
      for (Neighbourhood n : set.neighbourhoods()) {
        if (n.fold() == held) continue;
        for (var e : n.byStory().entrySet()) {
          all++;
          if (!n.storiesWithSource().contains(e.getKey())) continue; // no gradient: the weight does not apply
          double max = 0, sum = 0, second = 0;
          for (int i : e.getValue()) {
            double p = pairs.probability(set.samples().get(i).x());
            if (p > max) {
              second = max;
              max = p;
            } else if (p > second) {
              second = p;
            }
            sum += p;
          }
          double score = StoryDecision.blend(config, max, sum / e.getValue().size(), second);
          own.add(new double[] {StoryModel.logit(score), e.getKey().equals(n.story()) ? 1 : 0, 0});
        }
      }
      for (double[] r : own) {
        r[2] = 1000.0 / all;
      }
      rows.addAll(own);
    }
    double w = 0;
    for (int iter = 0; iter < 100; iter++) {
      double grad = -L2 * w, hess = L2;
      for (double[] r : rows) {
        double p = 1 / (1 + Math.exp(-(r[0] + w)));
        grad += r[2] * (r[1] - p);
        hess += r[2] * p * (1 - p);
      }
      double step = grad / hess;
      w += step;
      if (Math.abs(step) < 1e-9) break;
    }
    return new StoryModel("v1", w);
  }

  /** {@code -Dstory.dump=FILE} writes every compared pair (data set, folds, label, inputs, titles) as TSV, for reading. */
  private static void dump(List<Sample> all) throws IOException {
    String file = System.getProperty("story.dump", "");
    if (file.isBlank()) return;
    StringBuilder out = new StringBuilder("dataset\tfoldA\tfoldB\tsame\t" + String.join("\t", PairModel.FEATURES) + "\t" + String.join("\t", PairProbe.EXTRAS) + "\tnote\n");
    for (Sample s : all) {
      out.append(s.dataset()).append('\t').append(s.foldA()).append('\t').append(s.foldB()).append('\t').append(s.same() ? 1 : 0);
      for (double v : s.x()) out.append('\t').append(String.format(Locale.ROOT, "%.4f", v));
      for (double v : s.extra()) out.append('\t').append(String.format(Locale.ROOT, "%.4f", v));
      out.append('\t').append(s.note().replace('\t', ' ')).append('\n');
    }
    Files.writeString(Path.of(file), out);
  }

  /** {@code -Dstory.engine=caucasus,pairs} runs the engine only on the data sets so named (the pair figures are for all). */
  private static boolean engineRuns(Served set) {
    String given = System.getProperty("story.engine", "");
    return given.isBlank() || Arrays.stream(given.split(",")).anyMatch(n -> set.name().startsWith(n.trim()));
  }

  private static List<Double> thresholds() {
    String given = System.getProperty("story.thresholds", "");
    if (given.isBlank()) {
      return List.of(base().joinThreshold());
    }
    return Arrays.stream(given.split(",")).map(String::trim).map(Double::parseDouble).toList();
  }

  /** The shipped settings, with {@code -Dstory.set=joinThreshold=0.6;meanShare=0} applied. */
  private static StoryConfig base() {
    return applied(DefaultSettings.story(), System.getProperty("story.set", ""));
  }

  /**
   * {@code settings} ({@code name=value;...}) applied to a config; {@code -Dstory.variants=a=1|a=2;b=0}
   * runs {@link #crossValidate} once per variant on the same folds and fits.
   */
  private static StoryConfig applied(StoryConfig c, String settings) {
    for (String kv : settings.split(";")) {
      if (kv.isBlank()) continue;
      String[] p = kv.split("=", 2);
      c = StoryEvaluationBench.with(c, p[0].trim(), p[1].trim());
    }
    return c;
  }

  /** {@link PairModel#STAGED}, and {@code -Dstory.stage=a,b} fitted after the others too (to try an input so). */
  private static Set<String> staged() {
    Set<String> out = new HashSet<>(PairModel.STAGED);
    String given = System.getProperty("story.stage", "");
    if (!given.isBlank()) out.addAll(List.of(given.split(",")));
    return out;
  }

  private static Set<String> dropped() {
    String given = System.getProperty("story.drop", "");
    return given.isBlank() ? Set.of() : Set.of(given.split(","));
  }

  /**
   * Each data set weighs the same in the fit, however many pairs it gives. The inputs of {@link
   * PairModel#STAGED} are fitted after the others, which are kept as a fit without them left them:
   * an input that only some pairs have (a title stood in for by the lede) would otherwise move the
   * weights every other pair is judged by. Those of {@link PairModel#LAST} are fitted after the staged ones,
   * which keep their weights in turn.
   */
  static PairModel fit(List<Sample> samples) {
    Map<String, Integer> count = new HashMap<>();
    samples.forEach(s -> count.merge(s.dataset(), 1, Integer::sum));
    double[][] x = new double[samples.size()][];
    boolean[] y = new boolean[samples.size()];
    double[] w = new double[samples.size()];
    for (int i = 0; i < x.length; i++) {
      Sample s = samples.get(i);
      x[i] = s.x();
      y[i] = s.same();
      w[i] = 1000.0 / count.get(s.dataset());
    }
    int d = PairModel.FEATURES.size() + 1;
    boolean[] base = new boolean[d];
    Arrays.fill(base, true);
    for (String s : staged()) {
      base[1 + PairModel.FEATURES.indexOf(s)] = false;
    }
    for (String s : PairModel.LAST) {
      base[1 + PairModel.FEATURES.indexOf(s)] = false;
    }
    boolean[] last = new boolean[d];
    for (String s : PairModel.LAST) {
      last[1 + PairModel.FEATURES.indexOf(s)] = true;
    }
    double[][] without = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      without[i] = x[i].clone();
      for (int a = 1; a < d; a++) {
        if (!base[a]) without[i][a - 1] = 0;
      }
    }
    double[] beta = LogisticTrainer.fit(without, y, w, L2, new double[d], base);
    boolean[] staged = new boolean[d];
    for (int a = 1; a < d; a++) {
      staged[a] = !base[a] && !last[a];
    }
    if (!staged().isEmpty()) {
      // the last inputs wait for the staged ones' fit
      double[][] withoutLast = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        withoutLast[i] = x[i].clone();
        for (int a = 1; a < d; a++) {
          if (last[a]) withoutLast[i][a - 1] = 0;
        }
      }
      beta = LogisticTrainer.fit(withoutLast, y, w, L2, beta, staged);
    }
    if (!PairModel.LAST.isEmpty()) {
      beta = LogisticTrainer.fit(x, y, w, L2, beta, last);
    }
    return new PairModel("v4", beta[0], Arrays.copyOfRange(beta, 1, beta.length));
  }

  private static List<Served> load() throws IOException {
    List<Served> out = new ArrayList<>();
    for (String file : ARTICLE_SETS) {
      var path = LabelledArticles.shared(file);
      assumeTrue(path.isPresent(), "shared test data not found");
      out.add(articleSet(file, LabelledArticles.articles(path.get())));
    }
    for (String file : PAIR_SETS) {
      var path = LabelledArticles.shared(file);
      assumeTrue(path.isPresent(), "shared test data not found");
      out.add(pairSet(file, LabelledArticles.pairs(path.get())));
    }
    return out;
  }

  /**
   * What a story's fold is drawn by (articles only; {@code -Dstory.folds=outlet} draws each article's by its outlet
   * instead): the story itself ({@code -Dstory.folds=story}), or by default
   * the month its first report appeared in, so that the neighbouring events an engine confuses (one
   * summit announced and held, an award and talks on one day in one city) are held out together
   * rather than split between the fit and the measure, where they would never meet.
   */
  private static Map<String, Integer> storyFolds(List<LabelledArticles.Article> labelled) {
    Map<String, String> first = new HashMap<>();
    for (var a : labelled) {
      var when = a.candidate().published();
      String month = when == null ? "undated" : when.toString().substring(0, 7);
      first.merge(a.story(), month, (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    Map<String, Integer> out = new HashMap<>();
    if ("story".equals(System.getProperty("story.folds", "month"))) {
      first.keySet().forEach(story -> out.put(story, foldOf(story)));
      return out;
    }
    // months dealt out in turn, so that the folds are alike in size and span the whole period
    List<String> months = first.values().stream().distinct().sorted().toList();
    first.forEach((story, month) -> out.put(story, months.indexOf(month) % FOLDS));
    return out;
  }

  private static int foldOf(String group) {
    return Math.floorMod(group.hashCode() * 0x9E3779B1, FOLDS);
  }

  /** Articles as their outlets' feeds serve them (no declared language); pairs from the engine's own candidates. */
  private static Served articleSet(String name, List<LabelledArticles.Article> labelled) {
    List<LabelledArticles.Article> articles = new ArrayList<>();
    Map<Long, Integer> fold = new HashMap<>();
    Map<Long, String> story = new HashMap<>();
    Map<String, Integer> storyFold = storyFolds(labelled);
    // -Dstory.folds=outlet: no outlet on both sides (its style, boilerplate and beat are unseen),
    // though a story's reports from other outlets may then be in the fit
    boolean byOutlet = "outlet".equals(System.getProperty("story.folds"));
    for (var a : labelled) {
      var c = a.candidate();
      articles.add(new LabelledArticles.Article(
          new StoryCandidate(c.itemId(), c.sourceId(), c.url(), c.title(), c.text(), null, c.published()), a.story()));
      fold.put(c.itemId(), byOutlet ? foldOf(c.sourceId()) : storyFold.get(a.story()));
      story.put(c.itemId(), a.story());
    }
    var probe = new PairProbe(base());
    articles.forEach(a -> probe.index(a.candidate(), a.candidate().itemId()));
    Map<Long, StoryCandidate> byId = new HashMap<>();
    articles.forEach(a -> byId.put(a.candidate().itemId(), a.candidate()));
    Map<String, Integer> seen = new HashMap<>();
    List<Sample> samples = new ArrayList<>();
    Map<String, Map<String, Integer>> storySources = new HashMap<>();
    articles.forEach(a -> storySources.computeIfAbsent(a.story(), k -> new HashMap<>()).merge(a.candidate().sourceId(), 1, Integer::sum));
    List<Neighbourhood> neighbourhoods = new ArrayList<>();
    for (var a : articles) {
      long ia = a.candidate().itemId();
      Map<String, List<Integer>> byStory = new HashMap<>();
      Set<String> withSource = new HashSet<>();
      for (long ib : probe.candidates(a.candidate())) {
        String key = Math.min(ia, ib) + ":" + Math.max(ia, ib);
        Integer at = seen.get(key);
        if (at == null) {
          var f = probe.compare(a.candidate(), byId.get(ib));
          at = samples.size();
          seen.put(key, at);
          samples.add(new Sample(name, fold.get(ia), fold.get(ib), story.get(ia).equals(story.get(ib)), inputs(f),
              note(a.candidate(), byId.get(ib)), probe.extras(a.candidate(), byId.get(ib))));
        }
        if (!fold.get(ib).equals(fold.get(ia))) continue; // the engine meets only its fold's articles
        String s = story.get(ib);
        byStory.computeIfAbsent(s, k -> new ArrayList<>()).add(at);
        int ofSource = storySources.get(s).getOrDefault(a.candidate().sourceId(), 0) - (s.equals(a.story()) ? 1 : 0);
        if (ofSource > 0) withSource.add(s);
      }
      neighbourhoods.add(new Neighbourhood(fold.get(ia), a.story(), byStory, withSource));
    }
    return new Served(name, articles, fold, null, samples, neighbourhoods);
  }

  /** Pairs as the black-box run serves them: one feed per site, undated, no declared language. */
  private static Served pairSet(String name, List<LabelledArticles.Pair> labelled) {
    Map<String, StoryCandidate> byUrl = new LinkedHashMap<>();
    Map<String, String> parent = new HashMap<>();
    List<LabelledArticles.Pair> pairs = new ArrayList<>();
    for (var p : labelled) {
      var a = byUrl.computeIfAbsent(p.a().url(), u -> served(byUrl.size() + 1L, p.a()));
      var b = byUrl.computeIfAbsent(p.b().url(), u -> served(byUrl.size() + 1L, p.b()));
      pairs.add(new LabelledArticles.Pair(p.language(), p.sameStory(), a, b));
      String ra = root(parent, a.url()), rb = root(parent, b.url());
      if (!ra.equals(rb)) parent.put(ra, rb);
    }
    Map<Long, Integer> fold = new HashMap<>();
    List<LabelledArticles.Article> articles = new ArrayList<>();
    for (var c : byUrl.values()) {
      String group = root(parent, c.url());
      fold.put(c.itemId(), foldOf(group));
      articles.add(new LabelledArticles.Article(c, group));
    }
    var probe = new PairProbe(base());
    articles.forEach(a -> probe.index(a.candidate(), a.candidate().itemId()));
    List<Sample> samples = new ArrayList<>();
    for (var p : pairs) {
      var f = probe.compare(p.a(), p.b());
      samples.add(new Sample(name, fold.get(p.a().itemId()), fold.get(p.b().itemId()), p.sameStory(), inputs(f),
          p.language() + " " + note(p.a(), p.b()), probe.extras(p.a(), p.b())));
    }
    return new Served(name, articles, fold, pairs, samples, List.of());
  }

  private static double[] inputs(PairFeatures f) {
    double[] x = PairModel.features(f);
    for (String d : dropped()) {
      x[PairModel.FEATURES.indexOf(d)] = 0;
    }
    return x;
  }

  private static String note(StoryCandidate a, StoryCandidate b) {
    return String.format(Locale.ROOT, "%.50s | %.50s #%d:%d", a.title().isBlank() ? a.text() : a.title(),
        b.title().isBlank() ? b.text() : b.title(), a.itemId(), b.itemId()).replace('\n', ' ');
  }

  private static StoryCandidate served(long id, StoryCandidate side) {
    return new StoryCandidate(id, site(side.url()), side.url(), side.title(), side.text(), null, null);
  }

  private static String site(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host != null) return host;
    } catch (IllegalArgumentException e) {
      // not a URL (some pair files name an article by its title): the article is its own site
    }
    return "site-" + Integer.toHexString(url.hashCode());
  }

  private static String root(Map<String, String> parent, String x) {
    while (parent.containsKey(x)) x = parent.get(x);
    return x;
  }

  /** Each held-out fold's articles clustered by the engine with that fold's model, scored together. */
  private static void clusterHeldOut(Served set, StoryConfig config, PairModel[] models, StoryModel[] storyModels) {
    List<Long> predicted = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      int held = k;
      List<LabelledArticles.Article> fold = set.articles().stream()
          .filter(a -> set.fold().get(a.candidate().itemId()) == held).toList();
      List<LabelledArticles.Article> delivered = byOutlet(fold);
      List<Long> stories = StoryEvaluationBench.predictedStories(engine(config, models[k], storyModels[k]), delivered, true);
      for (int i = 0; i < delivered.size(); i++) {
        predicted.add(k * 10_000_000_000L + stories.get(i));
        // folds by outlet split stories: a fold is measured against the part of each story it holds
        gold.add("outlet".equals(System.getProperty("story.folds")) ? k + ":" + delivered.get(i).story() : delivered.get(i).story());
      }
    }
    if (Boolean.getBoolean("story.verbose")) {
      // the stories the engine made of more than one labelled story: its wrong merges
      Map<Long, List<Integer>> members = new TreeMap<>();
      for (int i = 0; i < predicted.size(); i++) {
        members.computeIfAbsent(predicted.get(i), x -> new ArrayList<>()).add(i);
      }
      List<LabelledArticles.Article> inOrder = new ArrayList<>();
      for (int k = 0; k < FOLDS; k++) {
        int held = k;
        inOrder.addAll(byOutlet(set.articles().stream().filter(a -> set.fold().get(a.candidate().itemId()) == held).toList()));
      }
      // the labelled stories the engine split: its missed joins
      Map<String, List<Integer>> byGold = new TreeMap<>();
      for (int i = 0; i < gold.size(); i++) {
        byGold.computeIfAbsent(gold.get(i), x -> new ArrayList<>()).add(i);
      }
      byGold.values().stream().filter(m -> m.stream().map(predicted::get).distinct().count() > 1).forEach(m -> {
        System.out.println("SPLIT " + set.name());
        m.forEach(i -> System.out.printf(Locale.ROOT, "  %-28.28s %d %s %.60s%n", gold.get(i), predicted.get(i) % 10_000_000_000L,
            inOrder.get(i).candidate().sourceId(), inOrder.get(i).candidate().title().replace('\n', ' ')));
      });
      members.values().stream().filter(m -> m.stream().map(gold::get).distinct().count() > 1).forEach(m -> {
        System.out.println("MERGED " + set.name());
        m.forEach(i -> System.out.printf(Locale.ROOT, "  %-28.28s %s %.60s%n", gold.get(i), inOrder.get(i).candidate().sourceId(),
            inOrder.get(i).candidate().title().replace('\n', ' ')));
      });
    }
    var b = ClusterMetrics.bcubed(predicted, gold);
    var p = ClusterMetrics.pairwise(predicted, gold);
    System.out.printf(Locale.ROOT,
        "%-26s engine  BCubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | stories %d (gold %d)%n",
        set.name(), b.precision(), b.recall(), b.f1(), p.precision(), p.recall(), p.f1(),
        new HashSet<>(predicted).size(), new HashSet<>(gold).size());
  }

  // -Dstory.storyModel=shipped: the shipped story model in every fold instead of the fold's own fit
  private static ClusteringStoryEngine engine(StoryConfig config, PairModel model, StoryModel storyModel) {
    StoryModel chosen = "shipped".equals(System.getProperty("story.storyModel")) ? StoryModel.shipped() : storyModel;
    return new ClusteringStoryEngine(config, model, chosen, ClusteringStoryEngine.MAX_INDEXED);
  }

  // one feed per outlet, polled one after another, each in publication order
  private static List<LabelledArticles.Article> byOutlet(List<LabelledArticles.Article> articles) {
    Map<String, List<LabelledArticles.Article>> bySource = new LinkedHashMap<>();
    articles.forEach(a -> bySource.computeIfAbsent(a.candidate().sourceId(), s -> new ArrayList<>()).add(a));
    List<LabelledArticles.Article> out = new ArrayList<>();
    bySource.values().forEach(out::addAll);
    return out;
  }

  /** Each held-out fold's pair articles served together to an engine with that fold's model. */
  private static void pairsHeldOut(Served set, StoryConfig config, PairModel[] models, StoryModel[] storyModels) {
    Map<Long, Long> storyOf = new HashMap<>();
    for (int k = 0; k < FOLDS; k++) {
      int held = k;
      // -Dstory.oneRun=true (with story.inSample): every article in one engine, as the black-box run serves them
      boolean one = Boolean.getBoolean("story.oneRun");
      if (one && k > 0) break;
      List<LabelledArticles.Article> delivered = byOutlet(set.articles().stream()
          .filter(a -> one || set.fold().get(a.candidate().itemId()) == held).toList());
      List<Long> stories = StoryEvaluationBench.predictedStories(engine(config, models[k], storyModels[k]), delivered, true);
      for (int i = 0; i < delivered.size(); i++) {
        storyOf.put(delivered.get(i).candidate().itemId(), k * 10_000_000_000L + stories.get(i));
      }
    }
    Map<String, int[]> byLanguage = new TreeMap<>();
    for (var p : set.pairs()) {
      boolean joined = storyOf.get(p.a().itemId()).equals(storyOf.get(p.b().itemId()));
      tally(byLanguage.computeIfAbsent("all", l -> new int[4]), p.sameStory(), joined);
      tally(byLanguage.computeIfAbsent(p.language(), l -> new int[4]), p.sameStory(), joined);
      if (joined != p.sameStory() && Boolean.getBoolean("story.verbose")) {
        System.out.printf(Locale.ROOT, "WRONG %s %s | %.60s | %.60s%n", p.language(), p.sameStory() ? "same" : "diff",
            p.a().title(), p.b().title());
      }
    }
    byLanguage.forEach((l, c) -> print(set.name() + " " + l, "engine", c));
  }

  /** Out-of-fold pair probabilities against the threshold alone (no story context). */
  private static void pairLevel(Served set, PairModel[] models, double threshold) {
    int[] c = new int[4];
    double logLoss = 0;
    int n = 0;
    for (Sample s : set.samples()) {
      if (s.foldA() != s.foldB()) continue;
      double p = models[s.foldA()].probability(s.x());
      tally(c, s.same(), p >= threshold);
      logLoss -= Math.log(Math.max(1e-9, s.same() ? p : 1 - p));
      n++;
      if (Boolean.getBoolean("story.verbose") && s.same() != p >= threshold) {
        System.out.printf(Locale.ROOT, "PAIR %s %s %.3f %s | %s%n", set.name(), s.same() ? "same" : "diff", p,
            Arrays.toString(Arrays.stream(s.x()).map(v -> Math.round(v * 100) / 100.0).toArray()), s.note());
      }
    }
    print(set.name(), String.format(Locale.ROOT, "pairs (log loss %.3f)", logLoss / n), c);
    if (set.pairs() != null && Boolean.getBoolean("story.verbose")) {
      // per language of the pair (the note's first word), the held-out log loss alone
      Map<String, double[]> byLanguage = new TreeMap<>();
      for (Sample s : set.samples()) {
        if (s.foldA() != s.foldB()) continue;
        double p = models[s.foldA()].probability(s.x());
        double[] l = byLanguage.computeIfAbsent(s.note().split(" ", 2)[0], k -> new double[2]);
        l[0] -= Math.log(Math.max(1e-9, s.same() ? p : 1 - p));
        l[1]++;
      }
      byLanguage.forEach((l, v) -> System.out.printf(Locale.ROOT, "LANG %s %s log loss %.3f (%d)%n", set.name(), l, v[0] / v[1], (int) v[1]));
    }
  }

  // {same and joined, same, joined, right}
  private static void tally(int[] c, boolean same, boolean joined) {
    if (same && joined) c[0]++;
    if (same) c[1]++;
    if (joined) c[2]++;
    if (same == joined) c[3]++;
  }

  private static void print(String name, String protocol, int[] c) {
    int total = 0;
    // total pairs = right + wrong; wrong = (same - tp) + (joined - tp)
    total = c[3] + (c[1] - c[0]) + (c[2] - c[0]);
    double p = c[2] == 0 ? 1 : c[0] / (double) c[2];
    double r = c[1] == 0 ? 1 : c[0] / (double) c[1];
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    System.out.printf(Locale.ROOT, "%-26s %s  accuracy %.3f (%d/%d) | same-story P %.3f R %.3f F1 %.3f%n",
        name, protocol, c[3] / (double) total, c[3], total, p, r, f1);
  }
}
