package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which indexed items a lookup offers, and in what order, on a few hand-made profiles. */
class RecentIndexCandidatesTest {
  private static final long DAY = 86_400;
  private static final long T0 = 20_000 * DAY; // noon of some day, so +/- hours stay on it
  private final RecentIndex index = new RecentIndex(new HeadlineMixture(1.0));

  private ItemProfile profile(long id, long time, String... keys) {
    Map<String, Float> weights = new LinkedHashMap<>();
    for (String k : keys) {
      weights.put(k, 1f);
    }
    TermVector v = TermVector.of(weights, index.vocabulary());
    return new ItemProfile(id, "s" + id, "https://example.org/" + id, "en", time, v, v, v,
        TermVector.ids(Set.of(), index.vocabulary()), new int[0], new char[0], false, 0, true, true, false, Streets.NONE, new int[0], new int[0], new int[0]);
  }

  private List<Long> ids(List<RecentIndex.Entry> entries) {
    return entries.stream().map(e -> e.profile().itemId()).toList();
  }

  private List<RecentIndex.Entry> lookup(ItemProfile q, long window, int maxPostings, int limit) {
    return index.candidates(q, q.time() - window, q.time() + window, 20, maxPostings, limit);
  }

  @Test
  void moreSharedKeysRankFirstAndTiesGoToTheNewerDay() {
    index.add(profile(1, T0 - DAY, "quake", "harbour", "ferry"), 1);
    index.add(profile(2, T0, "quake", "harbour"), 2);
    index.add(profile(3, T0 - DAY, "quake"), 3);
    index.add(profile(4, T0 + DAY, "quake"), 4);
    index.add(profile(5, T0, "election"), 5);

    var found = lookup(profile(0, T0, "quake", "harbour", "ferry"), 3 * DAY, 1000, 10);

    assertThat(ids(found).subList(0, 2)).containsExactly(1L, 2L);
    // 3 and 4 share one key each: the newer day's is read first and stays ahead
    assertThat(ids(found).subList(2, 4)).containsExactly(4L, 3L);
    assertThat(ids(found)).doesNotContain(5L);
  }

  @Test
  void itemsOutsideTheWindowPendingOrTheItemItselfAreLeftOut() {
    index.add(profile(1, T0 - 5 * DAY, "quake"), 1);
    index.add(profile(2, T0 - 2 * 3600, "quake"), 2);
    index.add(profile(3, T0 - 3600, "quake"), 3);
    index.add(profile(7, T0, "quake"), 7);
    index.detach(index.byUrl("https://example.org/3"));

    // the window starts within the day of item 2: same slice, later time
    var found = index.candidates(profile(7, T0, "quake"), T0 - 3600 - 1, T0 + DAY, 20, 1000, 10);

    assertThat(ids(found)).isEmpty();
    assertThat(ids(lookup(profile(8, T0, "quake"), 3 * DAY, 1000, 10))).containsExactly(7L, 2L);
  }

  @Test
  void theLimitKeepsTheBestAndThePostingBudgetStopsTheReading() {
    for (long id = 1; id <= 30; id++) {
      index.add(profile(id, T0 + id, "quake"), id);
    }
    index.add(profile(31, T0, "quake", "ferry"), 31);

    assertThat(ids(lookup(profile(0, T0, "quake", "ferry"), DAY, 1000, 3))).containsExactly(31L, 30L, 29L);
    // the rarer key is read first; then two postings of the common one, newest first
    assertThat(ids(lookup(profile(0, T0, "quake", "ferry"), DAY, 3, 10))).containsExactly(31L, 30L);
    assertThat(lookup(profile(0, T0, "quake"), DAY, 1000, 0)).isEmpty();
  }

  @Test
  void lookupsInARowDoNotCarryOverTallies() {
    index.add(profile(1, T0, "quake", "harbour"), 1);
    index.add(profile(2, T0, "harbour"), 2);
    for (int n = 0; n < 3; n++) {
      assertThat(ids(lookup(profile(0, T0, "quake", "harbour"), DAY, 1000, 10))).containsExactly(1L, 2L);
      assertThat(ids(lookup(profile(0, T0, "harbour"), DAY, 1000, 1))).containsExactly(2L);
    }
  }
}
