package dev.tributary.story;

import java.util.Arrays;

/**
 * The sources of each story's indexed reports, as a multiset. Most stories hold one report, so a
 * story's value is that report's source string itself, and an array of sources (one per report)
 * only once a second arrives: a map of counts per story would cost more than the report's profile.
 */
final class StorySources {

  private final LongMap<Object> byStory = new LongMap<>();

  void add(long storyId, String sourceId) {
    Object v = byStory.get(storyId);
    byStory.put(storyId, v == null ? sourceId : plus(v, sourceId));
  }

  void remove(long storyId, String sourceId) {
    Object v = byStory.get(storyId);
    if (v != null) {
      byStory.put(storyId, minus(v, sourceId));
    }
  }

  boolean contains(long storyId, String sourceId) {
    Object v = byStory.get(storyId);
    if (v instanceof String s) {
      return s.equals(sourceId);
    }
    return v != null && Arrays.asList((String[]) v).contains(sourceId);
  }

  /** Reports of the story (with a source). */
  int count(long storyId) {
    Object v = byStory.get(storyId);
    return v == null ? 0 : v instanceof String ? 1 : ((String[]) v).length;
  }

  /** Whether the story has a report from any source. */
  boolean hasStory(long storyId) {
    return byStory.containsKey(storyId);
  }

  /** Makes this a copy of {@code other} (values are never changed in place: arrays are replaced). */
  void copyFrom(StorySources other) {
    byStory.copyFrom(other.byStory);
  }

  void clear() {
    byStory.clear();
  }

  private static Object plus(Object v, Object source) {
    String[] old = v instanceof String s ? new String[] {s} : (String[]) v;
    String[] out = Arrays.copyOf(old, old.length + 1);
    out[old.length] = (String) source;
    return out;
  }

  // null drops the story from the map
  private static Object minus(Object v, String source) {
    if (v instanceof String s) {
      return s.equals(source) ? null : s;
    }
    String[] old = (String[]) v;
    int i = Arrays.asList(old).indexOf(source);
    if (i < 0) {
      return old;
    }
    if (old.length == 2) {
      return old[1 - i];
    }
    String[] out = new String[old.length - 1];
    System.arraycopy(old, 0, out, 0, i);
    System.arraycopy(old, i + 1, out, i, old.length - i - 1);
    return out;
  }
}
