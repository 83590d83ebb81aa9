package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same-source rule on its own: which sources keep the penalty and which lose it. */
class StoryDecisionTest {

  private final StoryConfig config = DefaultSettings.story();
  // a made-up story model: a report of the item's source in the story costs 2 in log-odds
  private final StoryModel model = new StoryModel("test", -2);
  private final StoryDecision decision = new StoryDecision(config, model);

  @Test
  void anUnknownSourceIsPenalized() {
    assertThat(decision.sameSourceShare("outlet")).isEqualTo(1.0);
    assertThat(decision.storyScore(0.5, 0.5, true, "outlet")).isEqualTo(model.score(0.5, 1));
    assertThat(decision.storyScore(0.5, 0.5, true, "outlet")).isLessThan(0.5);
    assertThat(decision.storyScore(0.5, 0.5, false, "outlet")).isEqualTo(0.5);
  }

  @Test
  void theBestPairDecidesTemperedByTheMean() {
    double expected = (1 - config.meanShare()) * 0.9 + config.meanShare() * 0.2;
    assertThat(decision.storyScore(0.9, 0.2, false, "outlet")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(decision.storyScore(0.9, 0.2, true, "outlet")).isEqualTo(model.score(expected, 1));
  }

  @Test
  void aSecondCloseReportSupportsTheStory() {
    StoryConfig supported = withSupport(config, 0.3, 0.4);
    // two reports that each resemble the item moderately: more than the best of them alone
    double alone = StoryDecision.blend(supported, 0.45, 0.45, 0);
    double twice = StoryDecision.blend(supported, 0.45, 0.45, 0.42);
    assertThat(twice).isCloseTo(1 - 0.55 * (1 - 0.3 * 0.42), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(twice).isGreaterThan(alone);
    // a second report below the floor says nothing, nor does any with the support off
    assertThat(StoryDecision.blend(supported, 0.45, 0.3, 0.35)).isEqualTo(StoryDecision.blend(supported, 0.45, 0.3, 0));
    assertThat(StoryDecision.blend(withSupport(config, 0, 0.4), 0.45, 0.45, 0.42))
        .isEqualTo(StoryDecision.blend(withSupport(config, 0, 0.4), 0.45, 0.45, 0));
    // a story whose best is strong keeps its score: the support never lowers one
    assertThat(StoryDecision.blend(supported, 0.95, 0.9, 0.41)).isGreaterThanOrEqualTo((1 - config.meanShare()) * 0.95 + config.meanShare() * 0.9 - 1e-12);
    // the same-source shift applies to the supported score
    StoryDecision d = new StoryDecision(supported, model);
    assertThat(d.storyScore(0.45, 0.45, 0.42, true, "outlet")).isEqualTo(model.score(twice, 1));
  }

  @Test
  void onlyTheReportsNearTheItemSupportIt() {
    StoryDecision d = new StoryDecision(withSupport(config, 0.3, 0.4), model);
    double plain = d.storyScore(0.45, 0.4, false, "outlet");
    // the best (0.45) is of a report days before: the near ones (0.3 and 0.42) support from 0.3
    double near = d.storyScore(0.45, 0.4, 0.3, 0.42, false, "outlet");
    assertThat(near).isEqualTo(Math.max(plain, 1 - 0.7 * (1 - 0.3 * 0.42)));
    assertThat(near).isEqualTo(plain);
    // no near report at the floor: the best and the mean alone
    assertThat(d.storyScore(0.45, 0.4, 0.45, 0, false, "outlet")).isEqualTo(plain);
  }

  /** The shipped settings with another support share and floor. */
  private static StoryConfig withSupport(StoryConfig c, double share, double floor) {
    return new StoryConfig(c.window(), c.statsHorizon(), c.joinThreshold(), c.duplicateThreshold(), c.meanShare(),
        c.titleWeight(), c.nameWeight(), c.maxTokens(), c.queryKeys(), c.maxCandidates(), c.maxPostings(),
        c.sourceRepeatRate(), c.headlineMixture(), c.mixtureAlpha(), c.refinePasses(), share, floor);
  }

  @Test
  void theShareAfterAnObservationIsTheOneObservingGives() {
    // a stream climbing from the full penalty to none, through the fading part and the memory's halving
    double[] scores = {0.6, 0.6, -1, 0.05, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.05, 0.6};
    for (int i = 0; i < 1200; i++) {
      double best = scores[i % scores.length];
      double predicted = decision.sameSourceShareAfter("stream", best);
      decision.observe("stream", best);
      assertThat(decision.sameSourceShare("stream")).isEqualTo(predicted);
    }
    assertThat(decision.sameSourceShareAfter(null, 0.6)).isEqualTo(1.0);
    assertThat(decision.sameSourceShareAfter("new outlet", 0.6)).isEqualTo(1.0);
  }

  @Test
  void anOutletWhoseItemsSeldomMatchEachOtherKeepsThePenalty() {
    for (int i = 0; i < 200; i++) {
      // one item in ten close to an earlier one of the same outlet: a follow-up now and then
      decision.observe("outlet", i % 10 == 0 ? 0.6 : 0.05);
    }
    assertThat(decision.sameSourceShare("outlet")).isEqualTo(1.0);
  }

  @Test
  void aStreamWhoseItemsRepeatEachOtherLosesIt() {
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", i % 4 == 0 ? 0.05 : 0.6);
    }
    assertThat(decision.sameSourceShare("stream")).isZero();
    assertThat(decision.storyScore(0.5, 0.5, true, "stream")).isEqualTo(0.5);
    assertThat(decision.sameSourceShare("outlet")).isEqualTo(1.0);
  }

  @Test
  void itemsWithoutAnEarlierItemOfTheirSourceInReachAreNoEvidence() {
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", -1);
    }
    decision.observe("stream", 0.6);
    decision.observe("stream", 0.6);
    decision.observe("stream", 0.6);
    decision.observe("stream", 0.6);
    decision.observe("stream", 0.6);
    assertThat(decision.sameSourceShare("stream")).isLessThan(1.0);
  }

  @Test
  void clearForgetsTheRates() {
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", 0.6);
    }
    decision.clear();
    assertThat(decision.sameSourceShare("stream")).isEqualTo(1.0);
  }

  @Test
  void aRollbackRestoresTheRatesAsTheyWereAtTheMark() {
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", 0.6);
    }
    decision.mark();
    for (int i = 0; i < 200; i++) {
      decision.observe("stream", 0.05);
      decision.observe("newcomer", 0.6);
    }
    assertThat(decision.sameSourceShare("stream")).isGreaterThan(0.5);
    assertThat(decision.sameSourceShare("newcomer")).isZero();

    decision.rollback();

    assertThat(decision.sameSourceShare("stream")).isZero();
    assertThat(decision.sameSourceShare("newcomer")).isEqualTo(1.0);
    // no longer marked: what is learnt now stays through a later mark and rollback
    decision.observe("newcomer", 0.6);
    decision.mark();
    decision.rollback();
    assertThat(decision.copy().sameSourceShare("newcomer")).isEqualTo(decision.sameSourceShare("newcomer"));
  }

  @Test
  void aRollbackUndoesTheBoundsClearingToo() {
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", 0.6);
    }
    for (int i = 1; i < 100_000; i++) {
      decision.observe("filler-" + i, 0.05);
    }
    decision.mark();
    decision.observe("one-too-many", 0.6); // the bound clears every rate
    assertThat(decision.sameSourceShare("stream")).isEqualTo(1.0);

    decision.rollback();

    assertThat(decision.sameSourceShare("stream")).isZero();
  }

  @Test
  void unmarkKeepsWhatWasLearnt() {
    decision.mark();
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", 0.6);
    }
    decision.unmark();
    decision.rollback();
    assertThat(decision.sameSourceShare("stream")).isZero();
  }
}
