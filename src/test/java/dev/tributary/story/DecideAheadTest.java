package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch decided ahead of the lock ({@link Speculation}), then other reports indexed before it
 * (another replica's, caught up on): which decisions are taken again, and that the batch ends as
 * deciding it after them would have.
 */
class DecideAheadTest {
  private static final Instant DAY = Instant.parse("2030-03-10T09:00:00Z");

  private ClusteringStoryEngine engine;

  @BeforeEach
  void setUp() {
    engine = new ClusteringStoryEngine(DefaultSettings.story());
  }

  private static StoryCandidate item(long id, String source, String title, String text, int hours) {
    return new StoryCandidate(id, source, "https://" + source + "/" + id, title, text, "en", DAY.plusSeconds(hours * 3600L));
  }

  private static final StoryCandidate TALKS_ONE = item(11, "wire-one", "Ministers discuss Araks water sharing in Vienna",
      "Foreign ministers met in Vienna on Monday to discuss sharing the waters of the Araks river. No agreement"
          + " was announced after four hours of talks at the Hofburg palace.", 1);
  private static final StoryCandidate TALKS_TWO = item(12, "wire-two", "Vienna talks on Araks river water end without deal",
      "Talks in Vienna on sharing the Araks river waters ended on Monday without agreement after four hours at the"
          + " Hofburg palace, ministers said.", 2);
  private static final StoryCandidate TALKS_THREE = item(13, "wire-three", "No deal on Araks waters at Hofburg talks",
      "Ministers meeting at the Hofburg palace in Vienna reached no agreement on Monday on sharing the Araks river"
          + " waters after four hours of talks.", 3);
  private static final StoryCandidate HARVEST = item(21, "farm-news", "Apricot harvest in Ararat valley starts early",
      "Growers in the Ararat valley began picking apricots two weeks early this season, after a warm spring, and"
          + " expect a record crop for export.", 2);
  private static final StoryCandidate CHESS = item(31, "sport-desk", "Grandmaster wins blitz chess open in Yerevan",
      "A teenage grandmaster won the blitz chess open in Yerevan on Sunday, beating the defending champion in the"
          + " final round of eleven games.", 4);

  private static Speculation.Tentative[] decideAhead(Speculation ahead, List<StoryCandidate> batch, long[] stories) {
    Speculation.Tentative[] ts = new Speculation.Tentative[batch.size()];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = ahead.item(batch.get(i));
    }
    goThrough(ahead, ts, stories);
    return ts;
  }

  // places each in the story its decision names, or one of its own (its id times 100)
  private static void goThrough(Speculation ahead, Speculation.Tentative[] ts, long[] stories) {
    for (int i = 0; i < ts.length; i++) {
      Assignment a = ahead.decide(ts[i]);
      stories[i] = a instanceof Assignment.Join j ? j.storyId() : ts[i].item().itemId() * 100;
      ahead.place(ts[i], stories[i]);
    }
  }

  @Test
  void aReportSharingNothingWithTheBatchLeavesItsDecisionsStanding() {
    engine.indexed(TALKS_ONE, 1100);
    Speculation ahead = engine.speculate();
    long[] stories = new long[2];
    Speculation.Tentative[] ts = decideAhead(ahead, List.of(TALKS_TWO, HARVEST), stories);
    assertThat(stories).containsExactly(1100, 2100);

    engine.indexed(CHESS, 3100); // stored by another replica meanwhile
    assertThat(ahead.takenBack()).isTrue();
    goThrough(ahead, ts, stories);
    ahead.close();

    assertThat(ahead.redecided()).isZero();
    assertThat(stories).containsExactly(1100, 2100);
    assertThat(engine.size()).isEqualTo(4);
  }

  @Test
  void aReportOfTheSameEventHasTheDecisionTakenAgain() {
    Speculation ahead = engine.speculate();
    long[] stories = new long[2];
    Speculation.Tentative[] ts = decideAhead(ahead, List.of(TALKS_TWO, HARVEST), stories);
    assertThat(stories).containsExactly(1200, 2100); // nothing to join yet

    engine.indexed(TALKS_ONE, 1100);
    goThrough(ahead, ts, stories);
    ahead.close();

    assertThat(ahead.redecided()).isEqualTo(1); // the harvest report shares nothing with the talks
    assertThat(stories).containsExactly(1100, 2100);
  }

  @Test
  void aDecisionThatReadTheStoryOfOneThatChangedIsTakenAgain() {
    Speculation ahead = engine.speculate();
    long[] stories = new long[3];
    Speculation.Tentative[] ts = decideAhead(ahead, List.of(TALKS_TWO, TALKS_THREE, HARVEST), stories);
    assertThat(stories).containsExactly(1200, 1200, 2100); // the third joins the second's new story

    engine.indexed(TALKS_ONE, 1100);
    goThrough(ahead, ts, stories);
    ahead.close();

    assertThat(stories).containsExactly(1100, 1100, 2100);
    assertThat(ahead.redecided()).isEqualTo(2);
  }

  @Test
  void aReportJoiningACandidateStoryHasTheDecisionTakenAgain() {
    engine.indexed(TALKS_ONE, 1100);
    Speculation ahead = engine.speculate();
    long[] stories = new long[2];
    Speculation.Tentative[] ts = decideAhead(ahead, List.of(TALKS_THREE, CHESS), stories);
    assertThat(stories).containsExactly(1100, 3100);

    // another replica filed a report in the talks' story: its sources changed, and with them the score
    engine.indexed(TALKS_TWO, 1100);
    goThrough(ahead, ts, stories);
    ahead.close();

    assertThat(ahead.redecided()).isEqualTo(1);
    assertThat(stories).containsExactly(1100, 3100);
  }

  @Test
  void aStoredReportOfTheSameLinkTakesTheDecisionAgain() {
    Speculation ahead = engine.speculate();
    StoryCandidate same = new StoryCandidate(40, "aggregator", CHESS.url(), "Chess: a new blitz champion",
        "Results of the weekend.", "en", DAY.plusSeconds(4 * 3600));
    long[] stories = new long[1];
    Speculation.Tentative[] ts = decideAhead(ahead, List.of(same), stories);
    assertThat(stories).containsExactly(4000);

    engine.indexed(CHESS, 3100);
    goThrough(ahead, ts, stories);
    ahead.close();

    assertThat(ahead.redecided()).isEqualTo(1);
    assertThat(stories).containsExactly(3100);
  }

  /**
   * Two replicas take turns: each decides its batch ahead, the other's batch is stored first, and
   * it goes through its batch again. Every decision it keeps is the one taken afresh at that point
   * would be: same story, same near-copy mark (the scores differ a little with the statistics).
   */
  @Test
  void decisionsKeptAreTheOnesTakenAfresh() {
    List<StoryCandidate> reports = events(new SplittableRandom(7), 480, BATCH);
    int[] counts = new int[2]; // kept, redecided
    takeTurns(reports, counts);
    assertThat(counts[0]).isPositive();
    assertThat(counts[1]).isPositive();
  }

  /**
   * The same where the lookup is cut often: a short candidate list and a small postings budget.
   * Decisions kept, or taken again with only their new candidates scored, are still the ones taken
   * afresh.
   */
  @Test
  void decisionsKeptAreTheOnesTakenAfreshWhereTheLookupIsCut() {
    StoryConfig d = DefaultSettings.story();
    StoryConfig tight = new StoryConfig(d.window(), d.statsHorizon(), d.joinThreshold(), d.duplicateThreshold(),
        d.meanShare(), d.titleWeight(), d.nameWeight(), d.maxTokens(), d.queryKeys(), 6, 150, d.sourceRepeatRate(),
        d.headlineMixture(), d.mixtureAlpha(), d.refinePasses(), d.supportShare(), d.supportFloor());
    List<StoryCandidate> reports = events(new SplittableRandom(11), 480, BATCH);
    int[] counts = new int[2];
    int[] why = new int[Speculation.Why.values().length];
    takeTurns(reports, counts, tight, why);
    assertThat(counts[0]).isPositive();
    assertThat(why[Speculation.Why.NEW_CANDIDATES.ordinal()]).isPositive();
    assertThat(why[Speculation.Why.PUSHED_OUT.ordinal()] + why[Speculation.Why.PLACE_UNKNOWN.ordinal()]
        + why[Speculation.Why.TIE.ordinal()]).isPositive();
  }

  private static final int BATCH = 12;

  // stored reports in order, {index, story}; counts[0] decisions kept on the second pass, [1] taken again
  private static List<long[]> takeTurns(List<StoryCandidate> reports, int[] counts) {
    return takeTurns(reports, counts, DefaultSettings.story(), new int[Speculation.Why.values().length]);
  }

  // ... with engines of this config, adding to why the decisions taken again by Speculation.Why
  private static List<long[]> takeTurns(List<StoryCandidate> reports, int[] counts, StoryConfig config, int[] why) {
    ClusteringStoryEngine[] replicas = {new ClusteringStoryEngine(config), new ClusteringStoryEngine(config)};
    List<long[]> stored = new ArrayList<>();
    int[] seen = new int[2];
    for (int start = 0, turn = 0; start < reports.size(); start += 2 * BATCH, turn = 1 - turn) {
      ClusteringStoryEngine mine = replicas[turn];
      ClusteringStoryEngine other = replicas[1 - turn];
      List<StoryCandidate> batch = reports.subList(start, Math.min(reports.size(), start + BATCH));
      int theirsFrom = Math.min(reports.size(), start + BATCH);
      List<StoryCandidate> theirs = reports.subList(theirsFrom, Math.min(reports.size(), theirsFrom + BATCH));
      catchUp(mine, reports, stored, seen, turn);
      long[] stories = new long[batch.size()];
      Speculation spec = mine.speculate();
      Speculation.Tentative[] ts = decideAhead(spec, batch, stories);
      // meanwhile the other replica stores its batch
      catchUp(other, reports, stored, seen, 1 - turn);
      Speculation theirSpec = other.speculate();
      long[] theirStories = new long[theirs.size()];
      decideAhead(theirSpec, theirs, theirStories);
      theirSpec.close();
      for (int i = 0; i < theirs.size(); i++) {
        stored.add(new long[] {theirsFrom + i, theirStories[i]});
      }
      seen[1 - turn] = stored.size();
      // then this one catches up and goes through its batch again
      catchUp(mine, reports, stored, seen, turn);
      if (!theirs.isEmpty()) {
        assertThat(spec.takenBack()).isTrue();
        int before = spec.redecided();
        for (int i = 0; i < ts.length; i++) {
          Assignment fresh = mine.decideAfresh(ts[i]);
          Assignment a = spec.decide(ts[i]);
          assertThat(where(a)).as("report %d %s %s", ts[i].item().itemId(), a, fresh).isEqualTo(where(fresh));
          stories[i] = a instanceof Assignment.Join j ? j.storyId() : ts[i].item().itemId() * 100;
          spec.place(ts[i], stories[i]);
        }
        counts[1] += spec.redecided() - before;
        counts[0] += ts.length - (spec.redecided() - before);
      }
      int[] by = spec.redecidedBy();
      for (int i = 0; i < by.length; i++) {
        why[i] += by[i];
      }
      spec.close();
      for (int i = 0; i < batch.size(); i++) {
        stored.add(new long[] {start + i, stories[i]});
      }
      seen[turn] = stored.size();
    }
    return stored;
  }

  // a decision without its score: the story joined (0 for a new one) and the near-copy mark
  private static List<Long> where(Assignment a) {
    return a instanceof Assignment.Join j ? java.util.Arrays.asList(j.storyId(), j.duplicateOfItemId()) : List.of(0L);
  }

  private static void catchUp(ClusteringStoryEngine engine, List<StoryCandidate> reports, List<long[]> stored,
      int[] seen, int who) {
    for (int i = seen[who]; i < stored.size(); i++) {
      engine.indexed(reports.get((int) stored.get(i)[0]), stored.get(i)[1]);
    }
    seen[who] = stored.size();
  }

  // reports of a few dozen events, each told in several wordings of its own words, arriving shuffled
  // each replica polls sources of its own: {@code batch} reports of one, the next of the other
  private static List<StoryCandidate> events(SplittableRandom random, int count, int batch) {
    SyntheticNews words = new SyntheticNews(3, 3000, DAY, 60);
    int events = count / 4;
    String[][] vocabulary = new String[events][];
    for (int e = 0; e < events; e++) {
      vocabulary[e] = words.background(40).split(" ");
    }
    List<StoryCandidate> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int e = random.nextInt(events);
      StringBuilder title = new StringBuilder();
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        title.append(vocabulary[e][random.nextInt(vocabulary[e].length)]).append(' ');
      }
      for (int w = 0; w < 50; w++) {
        text.append(vocabulary[e][random.nextInt(vocabulary[e].length)]).append(' ');
      }
      out.add(new StoryCandidate(i + 1, "replica" + (i / batch % 2) + "-source" + random.nextInt(10), "https://news.example/" + (i + 1),
          title.toString().trim(), text.toString().trim() + ".", "en", DAY.plusSeconds(random.nextInt(86_400))));
    }
    return out;
  }
}
