package dev.tributary.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a regrouping to the rows: items move between stories, groups that need a story of their
 * own get one, stories left without reports are marked merged into the story that took most of
 * them (they leave every feed), and every changed story's lead, count and {@code updated} are
 * recomputed so readers see it changed, under its old id. Moved items get a new assignment stamp
 * so other replicas catch up. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class StoryMoves {
  @Inject EntityManager em;
  @Inject Revisions revisions;
  @Inject Event<DataChanged> changed;

  /**
   * What applying the moves did: the new stories' ids by placeholder, how many stories emptied, and
   * how many moves were left out because their item had left {@code fromStory} (or the database)
   * since the regrouping was computed.
   */
  public record Applied(Map<Long, Long> placed, int merged, int stale, List<String> sources, long revision) {
    /** Nothing applied. */
    public static Applied none() {
      return new Applied(Map.of(), 0, 0, List.of(), 0);
    }
  }

  /**
   * Applies moves computed on an earlier snapshot: a move whose item is no longer in its
   * {@code fromStory} (another replica moved it, retention dropped it) is left out; reports added
   * meanwhile count when stories are recounted, so a story they joined never empties.
   */
  public Applied apply(List<ItemMove> planned, Instant now) {
    List<Long> ids = planned.stream().map(ItemMove::itemId).toList();
    Map<Long, ItemEntity> items = new HashMap<>();
    for (int i = 0; i < ids.size(); i += 500) {
      for (ItemEntity it : ItemEntity.<ItemEntity>list("id in ?1", ids.subList(i, Math.min(ids.size(), i + 500)))) {
        items.put(it.id, it);
      }
    }
    List<ItemMove> moves = planned.stream()
        .filter(m -> items.containsKey(m.itemId()) && items.get(m.itemId()).storyId == m.fromStory())
        .toList();
    Map<Long, Long> placed = createStories(moves, items, now);
    // every stamp in one round trip: the lock is held for as short a time as can be
    long[] stamps = revisions.next(moves.size() + 1);
    int next = 0;
    Set<Long> affected = new TreeSet<>();
    // where each emptied story's reports went, for its merged-into pointer
    Map<Long, Map<Long, Integer>> wentTo = new HashMap<>();
    for (ItemMove m : moves) {
      ItemEntity item = items.get(m.itemId());
      if (item == null) {
        continue;
      }
      long to = m.toStory() < 0 ? placed.get(m.toStory()) : m.toStory();
      item.storyId = to;
      item.duplicateOf = m.duplicateOf();
      item.seq = stamps[next++];
      affected.add(m.fromStory());
      affected.add(to);
      wentTo.computeIfAbsent(m.fromStory(), s -> new HashMap<>()).merge(to, 1, Integer::sum);
    }
    em.flush();
    int merged = 0;
    long revision = stamps[moves.size()];
    Map<Long, StoryEntity> stories = new HashMap<>();
    Map<Long, List<ItemEntity>> reports = new HashMap<>();
    List<Long> touched = new ArrayList<>(affected);
    for (int i = 0; i < touched.size(); i += 500) {
      List<Long> chunk = touched.subList(i, Math.min(touched.size(), i + 500));
      StoryEntity.<StoryEntity>list("id in ?1", chunk).forEach(st -> stories.put(st.id, st));
      ItemEntity.<ItemEntity>list("storyId in ?1", chunk)
          .forEach(it -> reports.computeIfAbsent(it.storyId, x -> new ArrayList<>()).add(it));
    }
    for (long storyId : affected) {
      StoryEntity story = stories.get(storyId);
      if (story != null && refresh(story, reports.getOrDefault(storyId, List.of()), wentTo.get(storyId), revision, now)) {
        merged++;
      }
    }
    List<String> sources = items.values().stream().map(i -> i.sourceId).distinct().sorted().toList();
    changed.fire(new DataChanged("regroup"));
    return new Applied(placed, merged, planned.size() - moves.size(), sources, revision);
  }

  /**
   * The moved reports' sources stamped with the regrouping's revision (their feeds changed): the
   * last statement of the caller's transaction, after everything else is flushed, because it locks
   * those sources' rows until the commit, and polls of them (their claims, their outcomes) wait
   * for those locks (on H2 at most its lock timeout, then they fail).
   */
  public void sourcesChanged(Applied applied) {
    if (applied.sources().isEmpty()) {
      return;
    }
    em.flush();
    em.createQuery("update SourceEntity s set s.revision = ?1 where s.id in ?2")
        .setParameter(1, applied.revision())
        .setParameter(2, applied.sources())
        .executeUpdate();
  }

  /**
   * Raises stories' edition shifts (see {@code Editions.shiftAfterMove}) after their reports moved:
   * the editions the headline changes open are dated {@code now}.
   */
  public void shiftEditions(Map<Long, Integer> shifts, Instant now) {
    for (var s : shifts.entrySet()) {
      StoryEntity story = StoryEntity.findById(s.getKey());
      if (story != null && s.getValue() > story.editionShift) {
        story.editionShift = s.getValue();
        story.editionShiftedAt = now;
      }
    }
  }

  /** A story per placeholder, led by its earliest report; its public id is derived like any story's. */
  private Map<Long, Long> createStories(List<ItemMove> moves, Map<Long, ItemEntity> items, Instant now) {
    Map<Long, List<ItemEntity>> groups = new LinkedHashMap<>();
    for (ItemMove m : moves) {
      ItemEntity item = items.get(m.itemId());
      if (m.toStory() < 0 && item != null) {
        groups.computeIfAbsent(m.toStory(), k -> new ArrayList<>()).add(item);
      }
    }
    Map<Long, ItemEntity> leads = new LinkedHashMap<>();
    for (var g : groups.entrySet()) {
      leads.put(g.getKey(), g.getValue().stream().min(LEAD_ORDER).orElseThrow());
    }
    // one query for every lead's id, before any story is persisted: a query per group would flush
    // the session (every item and story loaded) each time, under the assignment lock
    Set<String> taken = takenPublicIds(leads.values().stream().map(l -> Hashes.token(l.sourceId, l.guid)).toList());
    Map<Long, Long> placed = new HashMap<>();
    for (var g : groups.entrySet()) {
      ItemEntity lead = leads.get(g.getKey());
      StoryEntity story = new StoryEntity();
      String publicId = Hashes.token(lead.sourceId, lead.guid);
      // the report led a story before, which keeps that id: this one needs another (the groups'
      // leads are distinct reports, so no two groups derive the same id)
      if (taken.contains(publicId)) {
        publicId = Hashes.token(lead.sourceId, lead.guid, "regrouped", Long.toString(revisions.next()));
      }
      story.publicId = publicId;
      story.title = lead.title;
      story.link = lead.url;
      story.created = now;
      story.updated = now;
      story.leadPublished = lead.published;
      story.itemCount = g.getValue().size();
      story.revision = revisions.next();
      story.persist();
      placed.put(g.getKey(), story.id);
    }
    return placed;
  }

  /** Which of these public ids stories hold already. */
  private static Set<String> takenPublicIds(List<String> publicIds) {
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < publicIds.size(); i += 500) {
      taken.addAll(StoryEntity.getEntityManager()
          .createQuery("select s.publicId from StoryEntity s where s.publicId in ?1", String.class)
          .setParameter(1, publicIds.subList(i, Math.min(publicIds.size(), i + 500)))
          .getResultList());
    }
    return taken;
  }

  /** Recounts a story and re-picks its lead; marks it merged when no report is left. True if merged. */
  private boolean refresh(StoryEntity story, List<ItemEntity> reports, Map<Long, Integer> wentTo, long revision,
      Instant now) {
    story.revision = revision;
    story.updated = now.isAfter(story.updated) ? now : story.updated;
    story.itemCount = reports.size();
    if (reports.isEmpty()) {
      story.mergedInto = wentTo == null ? null
          : wentTo.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
      return true;
    }
    story.mergedInto = null;
    ItemEntity lead = reports.stream().min(LEAD_ORDER).orElseThrow();
    story.title = lead.title;
    story.link = lead.url;
    story.leadPublished = lead.published;
    return false;
  }

  // the earliest dated report with a title leads, as at ingestion
  private static final Comparator<ItemEntity> LEAD_ORDER =
      Comparator.comparing((ItemEntity i) -> i.published == null || i.title == null)
          .thenComparing(i -> i.published, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(i -> i.id);
}
