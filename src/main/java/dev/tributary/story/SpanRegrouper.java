package dev.tributary.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Batch regrouping: re-decides the stories of a span of indexed items as though they had arrived
 * in publication order, then refines. Works on the index in place (the engine hands it a copy of
 * its own, see {@link RegroupPlan}); the groups that need a story of their own carry negative
 * placeholder ids until the caller has created it.
 */
final class SpanRegrouper {

  private final StoryConfig config;
  private final RecentIndex index;
  private final StoryAssigner assigner;

  SpanRegrouper(StoryConfig config, RecentIndex index, StoryAssigner assigner) {
    this.config = config;
    this.index = index;
    this.assigner = assigner;
  }

  /**
   * Re-decides the indexed items published from {@code from} on, at most {@code maxItems} (the
   * newest of the span); items published earlier keep their stories and may be joined. A group
   * takes over the story most of its items came from when no other item still uses it, so that
   * story ids survive a regrouping wherever they can.
   */
  Regrouping regroup(long from, int maxItems) {
    return regroup(from, maxItems, () -> {});
  }

  /** As {@link #regroup(long, int)}; {@code afterFirstPass} runs between the first pass and the refinement (tests). */
  Regrouping regroup(long from, int maxItems, Runnable afterFirstPass) {
    index.forgetNorms();
    List<RecentIndex.Entry> span = index.between(from, Long.MAX_VALUE);
    if (span.size() > maxItems) {
      span = span.subList(span.size() - maxItems, span.size());
    }
    Map<RecentIndex.Entry, Long> before = new IdentityHashMap<>();
    for (RecentIndex.Entry e : span) {
      before.put(e, e.storyId());
      index.detach(e);
    }
    Map<RecentIndex.Entry, Long> copyOf = new IdentityHashMap<>();
    long[] next = {-1};
    for (RecentIndex.Entry e : span) {
      Assignment a = assigner.decide(e.profile(), false);
      long story;
      if (a instanceof Assignment.Join j) {
        story = j.storyId();
        if (j.duplicateOfItemId() != null) {
          copyOf.put(e, j.duplicateOfItemId());
        }
      } else {
        story = next[0]--;
      }
      index.attach(e, story);
    }
    afterFirstPass.run();
    refine(span, copyOf, next);
    if (config.headlineMixture()) {
      // MStream News slices: BCubed F1 0.754 -> 0.776 and 0.740 -> 0.769; a second round changed nothing
      mergeHeadlineFragments(span);
    }
    SharedLinks.keepTogether(index, span, copyOf);
    Map<Long, List<RecentIndex.Entry>> fresh = new LinkedHashMap<>();
    for (RecentIndex.Entry e : span) {
      if (e.storyId() < 0) {
        fresh.computeIfAbsent(e.storyId(), k -> new ArrayList<>()).add(e);
      }
    }
    reuseStoryIds(fresh, before);
    List<Regrouping.Move> moves = new ArrayList<>();
    for (RecentIndex.Entry e : span) {
      long was = before.get(e);
      if (e.storyId() != was) {
        moves.add(new Regrouping.Move(e.profile().itemId(), was, e.storyId(), copyOf.get(e)));
      }
    }
    return new Regrouping(span.size(), moves);
  }

  /**
   * One pass decides each item among the items before it only; a second lets it look at the later
   * reports too (one item at a time, all others placed), which moves the early reports that
   * started a story before their better match existed. Dev set: F1 0.901 -> 0.915; a third pass
   * changed nothing there (MStream News gains from a second, see StoryConfig). Later passes look
   * again only at the items of stories the pass before changed: in a steady stream a regrouping
   * mostly confirms what is there, and must not cost a full pass each time.
   */
  private void refine(List<RecentIndex.Entry> span, Map<RecentIndex.Entry, Long> copyOf, long[] next) {
    Set<Long> touched = null;
    for (int pass = 0; pass < config.refinePasses(); pass++) {
      Set<Long> changed = new HashSet<>();
      for (RecentIndex.Entry e : span) {
        long current = e.storyId();
        if (touched != null && !touched.contains(current)) {
          continue;
        }
        index.detach(e);
        Assignment a = assigner.decide(e.profile(), false);
        long story;
        if (a instanceof Assignment.Join j) {
          story = j.storyId();
          copyOf.remove(e);
          if (j.duplicateOfItemId() != null) {
            copyOf.put(e, j.duplicateOfItemId());
          }
        } else {
          story = index.storyInUse(current) ? next[0]-- : current;
        }
        index.attach(e, story);
        if (story != current) {
          changed.add(current);
          changed.add(story);
        }
      }
      if (changed.isEmpty()) {
        break;
      }
      touched = changed;
    }
  }

  /**
   * Headlines can hold each other in a story of their own although each, alone, would join another
   * story: moving one at a time never undoes that. Such a fragment, smallest first, joins the story
   * that most of its headlines, each taken without the fragment, would choose.
   */
  private void mergeHeadlineFragments(List<RecentIndex.Entry> span) {
    Map<Long, List<RecentIndex.Entry>> byStory = new LinkedHashMap<>();
    for (RecentIndex.Entry e : span) {
      if (RecentIndex.brief(e.profile())) {
        byStory.computeIfAbsent(e.storyId(), k -> new ArrayList<>()).add(e);
      }
    }
    List<List<RecentIndex.Entry>> fragments = new ArrayList<>(byStory.values());
    fragments.sort(Comparator.comparingInt(List::size));
    HeadlineMixture mixture = index.headlines();
    for (List<RecentIndex.Entry> fragment : fragments) {
      long own = fragment.get(0).storyId();
      // only stories of headlines within the span: a story with full reports is held by them
      if (mixture.docs(own) != fragment.size() || index.fullReports(own) > 0) {
        continue;
      }
      for (RecentIndex.Entry e : fragment) {
        index.detach(e);
      }
      Map<Long, Integer> votes = new HashMap<>();
      for (RecentIndex.Entry e : fragment) {
        Set<Long> stories = new HashSet<>();
        for (RecentIndex.Entry c : assigner.candidates(e.profile())) {
          stories.add(c.storyId());
        }
        Long chosen = assigner.headlineStory(e.profile(), stories);
        if (chosen != null) {
          votes.merge(chosen, 1, Integer::sum);
        }
      }
      long target = own;
      for (var v : votes.entrySet()) {
        if (2 * v.getValue() > fragment.size()) {
          target = v.getKey();
        }
      }
      for (RecentIndex.Entry e : fragment) {
        index.attach(e, target);
      }
    }
  }

  // biggest group first: it keeps the id most of its items had, if no other item still holds it
  private void reuseStoryIds(Map<Long, List<RecentIndex.Entry>> fresh, Map<RecentIndex.Entry, Long> before) {
    List<List<RecentIndex.Entry>> groups = new ArrayList<>(fresh.values());
    groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
    Set<Long> taken = new HashSet<>();
    for (List<RecentIndex.Entry> g : groups) {
      Map<Long, Integer> votes = new TreeMap<>();
      for (RecentIndex.Entry e : g) {
        votes.merge(before.get(e), 1, Integer::sum);
      }
      long chosen = 0;
      int most = 0;
      for (var v : votes.entrySet()) {
        if (v.getValue() > most && !taken.contains(v.getKey()) && !index.storyInUse(v.getKey())) {
          chosen = v.getKey();
          most = v.getValue();
        }
      }
      if (most > 0) {
        taken.add(chosen);
        for (RecentIndex.Entry e : g) {
          index.attach(e, chosen);
        }
      }
    }
  }
}
