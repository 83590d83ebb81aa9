package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same-source rule on its own: which sources keep the penalty and which lose it. */
class StoryDecisionTest {

  private final StoryConfig config = DefaultSettings.story();
  private final StoryDecision decision = new StoryDecision(config);

  @Test
  void anUnknownSourceIsPenalized() {
    assertThat(decision.sameSourceFactor("outlet")).isEqualTo(config.sameSourceFactor());
    assertThat(decision.storyScore(0.5, 0.5, true, "outlet")).isEqualTo(0.5 * config.sameSourceFactor());
    assertThat(decision.storyScore(0.5, 0.5, false, "outlet")).isEqualTo(0.5);
  }

  @Test
  void anOutletWhoseItemsSeldomMatchEachOtherKeepsThePenalty() {
    for (int i = 0; i < 200; i++) {
      // one item in ten close to an earlier one of the same outlet: a follow-up now and then
      decision.observe("outlet", i % 10 == 0 ? 0.6 : 0.05);
    }
    assertThat(decision.sameSourceFactor("outlet")).isEqualTo(config.sameSourceFactor());
  }

  @Test
  void aStreamWhoseItemsRepeatEachOtherLosesIt() {
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", i % 4 == 0 ? 0.05 : 0.6);
    }
    assertThat(decision.sameSourceFactor("stream")).isEqualTo(1.0);
    assertThat(decision.sameSourceFactor("outlet")).isEqualTo(config.sameSourceFactor());
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
    assertThat(decision.sameSourceFactor("stream")).isGreaterThan(config.sameSourceFactor());
  }

  @Test
  void clearForgetsTheRates() {
    for (int i = 0; i < 40; i++) {
      decision.observe("stream", 0.6);
    }
    decision.clear();
    assertThat(decision.sameSourceFactor("stream")).isEqualTo(config.sameSourceFactor());
  }
}
