package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The story model's arithmetic and the shipped weights file. */
class StoryModelTest {

  private final StoryModel model = new StoryModel("test", -2);

  @Test
  void aStoryWithoutTheItemsSourceKeepsItsScore() {
    assertThat(model.score(0.73, 0)).isEqualTo(0.73);
    assertThat(model.score(1.0, 0)).isEqualTo(1.0);
  }

  @Test
  void aStoryHoldingTheItemsSourceShiftsTheLogOdds() {
    assertThat(model.score(0.5, 1)).isCloseTo(1 / (1 + Math.exp(2)), Offset.offset(1e-12));
    assertThat(model.score(0.5, 0.5)).isCloseTo(1 / (1 + Math.exp(1)), Offset.offset(1e-12));
    // a close second report of one outlet can still clear a threshold of one half, unlike with a factor of 0.3
    assertThat(model.score(0.97, 1)).isGreaterThan(0.5);
    assertThat(model.score(0.8, 1)).isLessThan(0.5);
  }

  @Test
  void certaintyIsBounded() {
    assertThat(StoryModel.logit(1.0)).isEqualTo(StoryModel.logit(0.99999999));
    assertThat(StoryModel.logit(0.0)).isEqualTo(StoryModel.logit(1e-12)).isNegative();
    assertThat(StoryModel.logit(Double.NaN)).isNegative();
    assertThat(model.score(1.0, 1)).isLessThan(1.0);
  }

  @Test
  void theShippedModelLoads() {
    var shipped = StoryModel.shipped();
    assertThat(shipped.version()).isNotBlank();
    assertThat(shipped.sourceInStory()).isNegative();
  }

  @Test
  void aMissingWeightsFileIsRefused() {
    assertThatThrownBy(() -> StoryModel.load("no-such-model.properties")).hasMessageContaining("missing");
  }
}
