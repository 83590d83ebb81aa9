package dev.tributary.story;

import java.util.Collections;
import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Regrouping on the labelled development data, which stays outside the repository (../shared). */
@Tag("bench")
class RegroupArrivalOrderBench {

  /**
   * The development set fed outlet by outlet, as polling delivers it, then regrouped, ends in the
   * same stories as when it arrived in publication order and was regrouped: the outcome no
   * longer depends on which feed was polled first. (Regrouped, all items weigh words with the
   * same document frequencies, so it may differ from a single pass in publication order.)
   */
  @Test
  void afterRegroupingTheStoriesDoNotDependOnArrivalOrder() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl")
        .orElseThrow(() -> new IllegalStateException("labelled story data not found (-Dtributary.shared)"));
    List<LabelledArticles.Article> byTime = LabelledArticles.articles(file);
    Map<String, List<LabelledArticles.Article>> byOutlet = new LinkedHashMap<>();
    for (var a : byTime) {
      byOutlet.computeIfAbsent(a.candidate().sourceId(), k -> new ArrayList<>()).add(a);
    }
    List<LabelledArticles.Article> outletOrder = new ArrayList<>();
    byOutlet.values().forEach(outletOrder::addAll);
    List<LabelledArticles.Article> reversed = new ArrayList<>(outletOrder);
    Collections.reverse(reversed);

    // a pair whose score sits at the threshold may tip either way (scores are summed in another
    // order), so the partitions must agree almost everywhere rather than exactly
    var inOrder = run(byTime, true);
    assertThat(agreement(run(outletOrder, true), inOrder)).isGreaterThan(0.98);
    assertThat(agreement(run(reversed, true), inOrder)).isGreaterThan(0.98);
    double f1 = bcubedF1(run(outletOrder, true), byTime);
    System.out.printf("outlet by outlet: F1 %.3f without regrouping, %.3f regrouped%n",
        bcubedF1(run(outletOrder, false), byTime), f1);
    assertThat(f1).isGreaterThan(0.85);
  }

  /** BCubed F1 of one partition of the items taken against the other. */
  private static double agreement(Map<Long, Long> a, Map<Long, Long> b) {
    List<Long> predicted = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    a.forEach((item, story) -> {
      predicted.add(story);
      gold.add(Long.toString(b.get(item)));
    });
    return ClusterMetrics.bcubed(predicted, gold).f1();
  }

  private static Map<Long, Long> run(List<LabelledArticles.Article> order, boolean regroup) {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    Map<Long, Long> storyOf = new HashMap<>();
    long next = 1;
    for (var a : order) {
      Assignment as = engine.assign(a.candidate());
      long story = as instanceof Assignment.Join j ? j.storyId() : next++;
      engine.indexed(a.candidate(), story);
      storyOf.put(a.candidate().itemId(), story);
    }
    if (regroup) {
      Regrouping r = engine.regroup(Long.MIN_VALUE, 10_000);
      Map<Long, Long> placed = new HashMap<>();
      for (var m : r.moves()) {
        long to = m.toStory() < 0 ? placed.computeIfAbsent(m.toStory(), k -> 1_000_000L + placed.size()) : m.toStory();
        storyOf.put(m.itemId(), to);
      }
      placed.forEach(engine::placed);
    }
    return storyOf;
  }

  private static double bcubedF1(Map<Long, Long> storyOf, List<LabelledArticles.Article> order) {
    List<Long> predicted = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    for (var a : order) {
      predicted.add(storyOf.get(a.candidate().itemId()));
      gold.add(a.story());
    }
    return ClusterMetrics.bcubed(predicted, gold).f1();
  }
}
