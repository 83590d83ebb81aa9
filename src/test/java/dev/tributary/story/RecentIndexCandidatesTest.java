package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
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

  /**
   * Against a plain reading of the rule, on random profiles whose keys tie in rank (equal counts and
   * weights) and whose postings outrun the budget: the rarest keys by IDF times weight, ties by id,
   * at most 20 of them; their postings newest day first and newest first within a day, until the
   * budget; each entry's sum of the keys read; the best sums first, of equal sums the first read.
   */
  @Test
  void aLookupReadsAsThePlainRuleSays() {
    var random = new SplittableRandom(17);
    String[] keys = new String[40];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = "k" + k;
    }
    Map<Long, List<ItemProfile>> byDay = new TreeMap<>();
    List<ItemProfile> all = new ArrayList<>();
    for (long id = 1; id <= 600; id++) {
      long time = T0 + random.nextLong(-3, 4) * DAY + random.nextLong(-3600, 3600);
      ItemProfile p = weighted(id, time, random, keys);
      index.add(p, id);
      byDay.computeIfAbsent(RecentIndex.day(time), d -> new ArrayList<>()).add(p);
      all.add(p);
    }
    for (int round = 0; round < 200; round++) {
      ItemProfile q = round % 3 == 0 ? all.get(random.nextInt(all.size())) : weighted(0, T0 + random.nextLong(-DAY, DAY), random, keys);
      long window = random.nextLong(0, 4) * DAY;
      int maxPostings = random.nextInt(1, 400);
      int limit = random.nextInt(0, 25);
      DecisionReads reads = new DecisionReads();
      List<RecentIndex.Entry> found = index.candidates(q, q.time() - window, q.time() + window, 20, maxPostings, limit, reads);
      assertThat(ids(found)).as("round %d", round)
          .isEqualTo(plainLookup(q, q.time() - window, q.time() + window, 20, maxPostings, limit, byDay));
    }
  }

  private ItemProfile weighted(long id, long time, SplittableRandom random, String[] keys) {
    Map<String, Float> weights = new LinkedHashMap<>();
    int n = random.nextInt(1, 12);
    for (int i = 0; i < n; i++) {
      // the first keys common, the last rare; weights of a few values, so ranks tie
      String k = keys[(int) Math.min(keys.length - 1, Math.abs(random.nextGaussian()) * 12)];
      weights.put(k, random.nextInt(1, 4) / 2f);
    }
    TermVector v = TermVector.of(weights, index.vocabulary());
    return new ItemProfile(id, "s" + id, "https://example.org/" + id, "en", time, v, v, v,
        TermVector.ids(Set.of(), index.vocabulary()), new int[0], new char[0], false, 0, true, true, false, Streets.NONE, new int[0], new int[0], new int[0]);
  }

  private List<Long> plainLookup(ItemProfile q, long from, long to, int queryKeys, int maxPostings, int limit,
      Map<Long, List<ItemProfile>> byDay) {
    int[] ids = q.keys().ids();
    float[] table = index.vocabulary().weights();
    List<double[]> ranked = new ArrayList<>(); // {id, weight, rank}
    for (int i = 0; i < ids.length; i++) {
      if (index.keyCount(ids[i]) > 0) {
        float w = q.keys().weight(i, table);
        ranked.add(new double[] {ids[i], w, index.keyIdf(ids[i]) * w});
      }
    }
    ranked.sort((a, b) -> Double.compare(b[2], a[2])); // stable: ties stay in id order
    ranked = ranked.subList(0, Math.min(queryKeys, ranked.size()));
    List<Long> days = new ArrayList<>(byDay.keySet());
    days.sort(Comparator.reverseOrder());
    Map<Long, Double> sums = new LinkedHashMap<>(); // in order of first reading
    int budget = maxPostings;
    reading:
    for (double[] k : ranked) {
      for (long day : days) {
        if (day < RecentIndex.day(from) || day > RecentIndex.day(to)) {
          continue;
        }
        List<ItemProfile> items = byDay.get(day);
        for (int i = items.size() - 1; i >= 0; i--) {
          ItemProfile p = items.get(i);
          if (java.util.Arrays.binarySearch(p.keys().ids(), (int) k[0]) < 0) {
            continue;
          }
          if (--budget < 0) {
            break reading;
          }
          sums.merge(p.itemId(), (double) (float) k[1], Double::sum);
        }
      }
    }
    List<Map.Entry<Long, Double>> eligible = new ArrayList<>();
    Map<Long, ItemProfile> byId = new HashMap<>();
    byDay.values().forEach(l -> l.forEach(p -> byId.put(p.itemId(), p)));
    for (var e : sums.entrySet()) {
      ItemProfile p = byId.get(e.getKey());
      if (p.time() >= from && p.time() <= to && p.itemId() != q.itemId()) {
        eligible.add(e);
      }
    }
    eligible.sort((a, b) -> Double.compare(b.getValue(), a.getValue())); // stable: first read first
    return eligible.stream().limit(limit).map(Map.Entry::getKey).toList();
  }
}
