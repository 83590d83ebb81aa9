package dev.tributary.story;

import java.util.List;

/**
 * A logistic model over a pair's features: the probability that two reports tell the same story.
 * Its weights are learnt from the labelled development data (the bench's {@code PairModelBench}
 * retrains them) and shipped as a versioned resource; {@link #FEATURES} names the inputs in order.
 *
 * <p>Inputs the story-grouped folds did not support were dropped: a clash of the titles' numbers,
 * the time gap within the window, the headline flag as an input of its own, the shorter side's
 * length, the share and clash of the reports' figures, the count of shared names, names across
 * languages, a flag for two languages in one script and the product of body and title similarity
 * (held-out log loss, averaged over the data sets, as good or better without each). Two more were
 * tried and left out because they cost the regional set in the engine's held-out folds: the cosine
 * of native stems across two languages (which meet where both write in one script: SemEval de-en
 * engine F1 0.27 -> 0.35, SemEval 0.636 -> 0.641, but regional BCubed R 0.812 -> 0.791), and a
 * clash of figures, both reports giving numbers other than years and none agreeing (regional
 * BCubed P 0.986 -> 0.963, SemEval unchanged). The share of the names of a report's opening (title
 * and first ten words) that the other does not name lowered the held-out log loss of every file,
 * with or without discounting the names an outlet opens most reports with, yet cost the engine's
 * held-out folds precision (regional BCubed P 0.986 -> 0.963, SemEval same-story P 0.796 -> 0.711,
 * gva pairwise F1 0.818 -> 0.797). The victims' ages two English reports give (shared, or none
 * shared) and two reports' streets none of which agree lowered the local incidents' held-out log
 * loss but cost the engine's folds recall there (pairwise F1 0.899 with the shared street alone,
 * 0.869 with the clash beside it, 0.802 with the ages too, and regional BCubed P 0.963); an age
 * clash alone, fitted after the others, kept apart pairs the model kept apart already (gva pairwise
 * P/R 0.975/0.834 -> 0.982/0.808).
 */
public final class PairModel {

  /** The resource the engine loads by default. */
  static final String SHIPPED = "pair-model-v4.properties";

  /** The inputs, in the order of {@link #features}; a weights file names each of them. */
  static final List<String> FEATURES = List.of(
      "body", "bodyCross", "title", "titleCross", "names", "copy", "datesDiffer", "phaseDiffers",
      "sameLanguage", "headlineMissing", "titleLede", "sharedStreet", "placeClash", "agentClash", "rareName",
      "oneNameAcross");

  /**
   * Inputs fitted after the others, which keep the weights a fit without them gives (see the bench's
   * {@code PairModelBench#fit}): {@code titleLede} applies to the pairs with a title stood in for
   * by the lede (a bare one, or one cut from the text, {@link DerivedTitle}), and fitted with the
   * rest it moved the weights of every other pair's title and body. {@code sharedStreet} (both
   * reports name one street, {@link Streets}) applies to English local reports alone, and fitted
   * after the others it moves no weight of the pairs it does not apply to. {@code placeClash} applies to
   * Russian, Ukrainian and Belarusian pairs alone; fitted with the rest it moved the weights the
   * other languages' pairs are judged by (held-out log loss of the regional and local-incident
   * files higher), fitted after them it moves none. {@code agentClash} (two headlines' actors, neither
   * named by the other report, {@link ProfileBuilder#agent}) applies to the same languages' pairs
   * alone, and is staged for the same reason, as is {@code oneNameAcross} (two languages' reports with
   * exactly one name in common, {@link PairScorer#oneNameAcross}), which applies to cross-language pairs
   * alone. {@code rareName} (both give a name few of a
   * large index's reports give, {@link PairScorer#sharesRareName}) fires on pairs of every kind; fitted
   * with the rest it moved the weights the regional pairs are judged by (held-out BCubed P 0.986 ->
   * 0.941); it is fitted after these ({@link #LAST}).
   */
  static final List<String> STAGED = List.of("titleLede", "sharedStreet", "placeClash", "agentClash", "oneNameAcross");

  /**
   * Inputs fitted last, after {@link #STAGED}, whose weights they keep: {@code rareName} fitted among
   * the staged inputs took weight from {@code titleLede} (2.23 -> 1.96), which judges the pairs with
   * no headline of their own in every file.
   */
  static final List<String> LAST = List.of("rareName");

  private final String version;
  private final double intercept;
  private final double[] weights;

  PairModel(String version, double intercept, double[] weights) {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException("expected " + FEATURES.size() + " weights, got " + weights.length);
    }
    this.version = version;
    this.intercept = intercept;
    this.weights = weights.clone();
  }

  /** The model shipped with this build. */
  public static PairModel shipped() {
    return load(SHIPPED);
  }

  static PairModel load(String resource) {
    ModelResource m = ModelResource.load(PairModel.class, "pair model", resource);
    double[] w = new double[FEATURES.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = m.number(FEATURES.get(i));
    }
    return new PairModel(m.text("version"), m.number("intercept"), w);
  }

  String version() {
    return version;
  }

  double intercept() {
    return intercept;
  }

  double[] weights() {
    return weights.clone();
  }

  /** The probability that the pair tells one story. */
  double probability(PairFeatures f) {
    // one layout of the inputs, features(f), rather than a second copy of it summed in place
    return probability(features(f));
  }

  /** The probability for inputs already laid out as {@link #features} lays them out. */
  double probability(double[] x) {
    double z = intercept;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The model's inputs. Within a language the body compares native stems (for a headline alone:
   * cross-script keys collide too often in a few words), across languages only the keys meet;
   * each side of that split has its own weight, as does the title's. Where either title is a bare
   * dateline or byline, or cut from the text by ingestion, the text's opening stands in for it and the likeness of the two
   * headlines has a weight of its own ({@code titleLede}): an opening repeats more of the story's
   * words, and an outlet's boilerplate, than a headline does. Whether both come from one
   * source is left out on purpose: {@link StoryDecision} weighs that per source, lifting it for a
   * feed whose every story arrives through it, which one learnt weight could not.
   */
  static double[] features(PairFeatures f) {
    boolean same = f.sameLanguage();
    double body = f.brief() ? f.terms() : Math.max(f.terms(), f.keys());
    boolean titles = !f.ledeTitle();
    return new double[] {
      same ? body : 0,
      same ? 0 : f.keys(),
      same && titles ? f.title() : 0,
      !same && titles ? f.title() : 0,
      f.names(),
      f.copy(),
      f.datesDiffer() ? 1 : 0,
      f.phaseDiffers() ? 1 : 0,
      same ? 1 : 0,
      f.headlineMissing(),
      titles ? 0 : f.title(),
      f.sharedStreet() ? 1 : 0,
      f.placeClash() ? 1 : 0,
      f.agentClash() ? 1 : 0,
      f.rareName() ? 1 : 0,
      f.oneNameAcross() ? 1 : 0,
    };
  }
}
