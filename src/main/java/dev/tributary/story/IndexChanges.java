package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in the index while a batch was decided ahead, in order: the reports added (stored
 * by other replicas) and the stories they joined, the stories a report moved into or out of (a
 * regrouping elsewhere, or a report of the batch placed elsewhere than before), the links and
 * sources of the reports added. Each change has a number; a decision is checked against those after the
 * {@link #mark} it was taken at ({@link DecisionReads#holds}).
 */
final class IndexChanges {
  private final List<RecentIndex.Entry> added = new ArrayList<>();
  private final List<Integer> addedAt = new ArrayList<>();
  // stories a report was added to, and stories a report left or entered by a move
  private final Map<Long, Integer> joined = new HashMap<>();
  private final Map<Long, Integer> stories = new HashMap<>();
  private final Map<Long, Integer> urls = new HashMap<>();
  private final Map<String, Integer> sources = new HashMap<>();
  private int count;

  /** The number of the last change: a decision taken now is checked against those after it. */
  int mark() {
    return count;
  }

  /** A report added to {@code storyId}: {@code p} its profile (with its link), {@code e} its entry. */
  void added(ItemProfile p, RecentIndex.Entry e, long storyId) {
    count++;
    added.add(e);
    addedAt.add(count);
    joined.put(storyId, count);
    long url = RecentIndex.urlKey(p.url());
    if (url != 0) {
      urls.put(url, count);
    }
    if (p.sourceId() != null) {
      sources.put(p.sourceId(), count);
    }
  }

  /** A report moved from one story to another. */
  void moved(long fromStory, long toStory) {
    count++;
    stories.put(fromStory, count);
    stories.put(toStory, count);
  }

  /** Whether a report moved into or out of the story after {@code mark}. */
  boolean movedSince(long storyId, int mark) {
    return stories.getOrDefault(storyId, 0) > mark;
  }

  /** Whether a report was added to the story after {@code mark}. */
  boolean joinedSince(long storyId, int mark) {
    return joined.getOrDefault(storyId, 0) > mark;
  }

  boolean urlSince(long urlKey, int mark) {
    return urls.getOrDefault(urlKey, 0) > mark;
  }

  boolean sourceSince(String sourceId, int mark) {
    return sources.getOrDefault(sourceId, 0) > mark;
  }

  /** The reports added after {@code mark}, in order. */
  List<RecentIndex.Entry> addedSince(int mark) {
    int from = addedAt.size();
    while (from > 0 && addedAt.get(from - 1) > mark) {
      from--;
    }
    return added.subList(from, added.size());
  }
}
