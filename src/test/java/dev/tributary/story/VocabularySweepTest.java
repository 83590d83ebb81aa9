package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recycling the ids of terms no indexed item uses must not change any decision. */
class VocabularySweepTest {

  @Test
  void sweptEngineDecidesAsAnUnsweptOne() {
    var news = new SyntheticNews(11, 2_000, Instant.parse("2030-01-01T00:00:00Z"), 60);
    List<StoryCandidate> items = new ArrayList<>();
    for (long id = 1; id <= 400; id++) {
      items.add(news.item(id));
    }
    var plain = new ClusteringStoryEngine(DefaultSettings.story());
    var swept = new ClusteringStoryEngine(DefaultSettings.story());
    for (int i = 0; i < 300; i++) {
      plain.indexed(items.get(i), i + 1);
      swept.indexed(items.get(i), i + 1);
    }
    // lookups of items never indexed leave ids no indexed item holds
    for (int n = 0; n < 80; n++) {
      swept.assign(noise(n));
    }
    for (int i = 300; i < items.size(); i++) {
      Assignment a = plain.assign(items.get(i));
      assertThat(swept.assign(items.get(i))).isEqualTo(a);
      long story = a instanceof Assignment.Join j ? j.storyId() : i + 1;
      plain.indexed(items.get(i), story);
      swept.indexed(items.get(i), story);
    }
  }

  @Test
  void sweepDropsTermsNoIndexedItemUses() {
    var news = new SyntheticNews(11, 2_000, Instant.parse("2030-01-01T00:00:00Z"), 60);
    var config = DefaultSettings.story();
    var profiles = new ProfileBuilder(config);
    var index = new RecentIndex(new HeadlineMixture(config.mixtureAlpha()));
    for (long id = 1; id <= 50; id++) {
      StoryCandidate item = news.item(id);
      index.add(profiles.build(item, item.published().getEpochSecond(), index.vocabulary()), id);
    }
    for (int n = 0; n < 80; n++) {
      profiles.build(noise(n), 0, index.vocabulary());
    }
    int before = index.vocabulary().size();
    index.sweepVocabulary();
    assertThat(index.vocabulary().size()).isLessThan(before);
  }

  /** An item of words no other item uses. */
  private static StoryCandidate noise(int n) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < 100; w++) {
      text.append(" unseen").append(Integer.toString(n * 100 + w, 26).replace('0', 'q'));
    }
    return new StoryCandidate(10_000 + n, "noise", null, "noise", text.toString(), "en", null);
  }
}
