package dev.tributary.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side: a channel's stories, newest first, with their reports from the channel's sources. */
@ApplicationScoped
public class StoryQueries {
  @Inject EntityManager em;

  @Transactional
  public List<StoryView> newest(Collection<String> sourceIds, int limit) {
    return page(sourceIds, limit, null).stories();
  }

  /** How many stories (not merged away) hold a report of these sources. */
  @Transactional
  public long count(Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    return em.createQuery("select count(s) from StoryEntity s where s.mergedInto is null"
        + " and exists (select 1 from ItemEntity i where i.storyId = s.id and i.sourceId in ?1)", Long.class)
        .setParameter(1, sourceIds).getSingleResult();
  }

  /**
   * When a story was last reported, as its reports say: the latest publication time among the
   * channel's reports, each bounded by when this service first saw it (an undated or future-dated
   * report counts from then). Never the storage time: after a first ingest of a backlog every
   * story would carry the same instant.
   */
  private static final String REPORTED = "(select max(case when i2.published is null or i2.published > i2.firstSeen"
      + " then i2.firstSeen else i2.published end) from ItemEntity i2 where i2.storyId = s.id and i2.sourceId in ?1)";

  /**
   * Keyset paging on (last reported, id) descending; each view's {@code updated} is that instant.
   *
   * @throws IllegalArgumentException for a cursor this service did not hand out
   */
  @Transactional
  public StoryPage page(Collection<String> sourceIds, int limit, String cursor) {
    if (sourceIds.isEmpty()) {
      return new StoryPage(List.of(), null);
    }
    Cursor after = Cursor.decode(cursor);
    String where = "s.mergedInto is null and exists (select 1 from ItemEntity i where i.storyId = s.id and i.sourceId in ?1)";
    if (after != null) {
      where += " and (" + REPORTED + " < ?2 or (" + REPORTED + " = ?2 and s.id < ?3))";
    }
    var query = em.createQuery("select s, " + REPORTED + " from StoryEntity s where " + where
        + " order by " + REPORTED + " desc, s.id desc", Object[].class).setParameter(1, sourceIds).setMaxResults(limit + 1);
    if (after != null) {
      query.setParameter(2, after.updated()).setParameter(3, after.id());
    }
    List<Object[]> rows = query.getResultList();
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<StoryEntity> stories = rows.stream().map(r -> (StoryEntity) r[0]).toList();
    Map<Long, Instant> reported = new HashMap<>();
    rows.forEach(r -> reported.put(((StoryEntity) r[0]).id, (Instant) r[1]));
    List<StoryView> views = withReports(stories, sourceIds).stream()
        .map(v -> v.withUpdated(reported.getOrDefault(v.id(), v.updated())))
        .toList();
    Object[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    String next = more ? new Cursor((Instant) last[1], ((StoryEntity) last[0]).id).encode() : null;
    return new StoryPage(views, next);
  }

  /**
   * A story by its public id with every report, following merges: a story that regrouping merged
   * into another answers with that one, so a reader's old link still leads to the event.
   */
  @Transactional
  public Optional<StoryView> byPublicId(String publicId) {
    StoryEntity s = StoryEntity.find("publicId", publicId).firstResult();
    for (int hops = 0; s != null && s.mergedInto != null && hops < 16; hops++) {
      s = StoryEntity.findById(s.mergedInto);
    }
    if (s == null || s.mergedInto != null) {
      return Optional.empty();
    }
    List<String> sources = em.createQuery("select distinct i.sourceId from ItemEntity i where i.storyId = ?1", String.class)
        .setParameter(1, s.id).getResultList();
    return withReports(List.of(s), sources).stream().findFirst();
  }

  /**
   * These stories (merged or not) with every report, by id: what a regrouping is about to change or
   * has changed, read inside its transaction.
   */
  @Transactional
  public Map<Long, StoryView> withAllReports(Collection<Long> storyIds) {
    Map<Long, StoryView> out = new HashMap<>();
    List<Long> ids = List.copyOf(storyIds);
    for (int i = 0; i < ids.size(); i += 500) {
      List<StoryEntity> chunk = StoryEntity.list("id in ?1", ids.subList(i, Math.min(ids.size(), i + 500)));
      withReports(chunk, null).forEach(v -> out.put(v.id(), v));
    }
    return out;
  }

  // sourceIds null: every report
  private List<StoryView> withReports(List<StoryEntity> stories, Collection<String> sourceIds) {
    if (stories.isEmpty()) {
      return List.of();
    }
    Map<Long, List<ReportView>> reports = new HashMap<>();
    List<Long> ids = stories.stream().map(s -> s.id).toList();
    Map<String, String> titles = sourceTitles();
    var query = em.createQuery("select i from ItemEntity i where i.storyId in ?1"
        + (sourceIds == null ? "" : " and i.sourceId in ?2") + " order by i.published, i.id", ItemEntity.class)
        .setParameter(1, ids);
    if (sourceIds != null) {
      query.setParameter(2, sourceIds);
    }
    List<ItemEntity> items = query.getResultList();
    for (ItemEntity i : items) {
      reports.computeIfAbsent(i.storyId, k -> new ArrayList<>()).add(new ReportView(i.id, i.sourceId,
          titles.getOrDefault(i.sourceId, i.sourceId), i.url, i.title, i.summary, i.author, i.language,
          i.published, i.firstSeen, i.duplicateOf, i.imageUrl));
    }
    List<StoryView> out = new ArrayList<>(stories.size());
    for (StoryEntity s : stories) {
      out.add(new StoryView(s.id, s.publicId, s.title, s.link, s.created, s.updated, reports.getOrDefault(s.id, List.of()),
          s.editionShift, s.editionShiftedAt));
    }
    return out;
  }

  /** Display names: feeds.yaml title, else the feed's own title, else the id. */
  private Map<String, String> sourceTitles() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Object[] row : em.createQuery("select s.id, s.title, s.feedTitle from SourceEntity s", Object[].class).getResultList()) {
      String title = row[1] != null ? (String) row[1] : row[2] != null ? (String) row[2] : (String) row[0];
      out.put((String) row[0], title);
    }
    return out;
  }

  record Cursor(Instant updated, long id) {
    String encode() {
      String raw = updated.toEpochMilli() + "." + updated.getNano() % 1_000_000 + "." + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        String[] p = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.");
        Instant t = Instant.ofEpochMilli(Long.parseLong(p[0])).plusNanos(Long.parseLong(p[1]));
        return new Cursor(t, Long.parseLong(p[2]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("unreadable cursor: pass the 'next' value of the previous page");
      }
    }
  }
}
