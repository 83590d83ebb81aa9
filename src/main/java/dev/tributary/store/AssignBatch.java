package dev.tributary.store;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * The rows one assigning transaction adds, written at the end in two JDBC batches: every new story
 * first, then every report, so the reports' foreign keys always find their story (Hibernate's own
 * insert ordering cannot know that dependency: {@code story_id} is a plain column). Ids come from
 * the entities' own generators, drawn into a reserve before the assignment lock ({@link #reserve}),
 * and are given when a row is added, so the engine can index a report at once.
 * Existing stories a report joins are read in one query at the end and updated in one batch.
 */
public final class AssignBatch {
  private final EntityManager em;
  private final SessionImplementor session;
  private final BeforeExecutionGenerator storyIds;
  private final BeforeExecutionGenerator itemIds;
  private final IdReserve itemReserve;
  private final IdReserve storyReserve;
  private final Map<Long, NewStory> created = new LinkedHashMap<>();
  private final Map<Long, Joined> joined = new HashMap<>();
  private final List<Row> rows = new ArrayList<>();

  AssignBatch(EntityManager em, IdReserve itemReserve, IdReserve storyReserve) {
    this.em = em;
    this.itemReserve = itemReserve;
    this.storyReserve = storyReserve;
    this.session = em.unwrap(SessionImplementor.class);
    var metamodel = session.getFactory().getMappingMetamodel();
    this.storyIds = (BeforeExecutionGenerator) metamodel.getEntityDescriptor(StoryEntity.class).getGenerator();
    this.itemIds = (BeforeExecutionGenerator) metamodel.getEntityDescriptor(ItemEntity.class).getGenerator();
  }

  /** Thrown by {@link #write} when a story a report joined was deleted meanwhile (retention). */
  public static final class StoryGone extends RuntimeException {
    StoryGone(long storyId) {
      super("story " + storyId + " was deleted while reports were assigned to it");
    }
  }

  private static final class NewStory {
    final long id;
    final String publicId;
    final Instant created;
    Instant updated;
    int itemCount;
    long revision;
    String title;
    String link;
    Instant leadPublished;

    NewStory(long id, String publicId, Instant created) {
      this.id = id;
      this.publicId = publicId;
      this.created = created;
    }
  }

  // what joining reports do to a stored story, applied once at the end
  private static final class Joined {
    int added;
    Instant seen = Instant.EPOCH;
    long revision;
    ItemFields lead;
  }

  private record Row(long id, long storyId, Long duplicateOf, long seq, NewItem in) {}

  // every report may start a story of its own
  void reserve(int reports) {
    itemReserve.fill(reports, () -> generate(itemIds));
    storyReserve.fill(reports, () -> generate(storyIds));
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** An id for a report of this batch, drawn ahead of {@link #addAsNewStory} or {@link #addToStory}. */
  public long nextItemId() {
    return itemReserve.next(() -> generate(itemIds));
  }

  /** An id for a story this batch may create; one not used is a gap. */
  public long nextStoryId() {
    return storyReserve.next(() -> generate(storyIds));
  }

  /** A report that starts a story of its own under {@code publicId}. */
  public StoredItem addAsNewStory(NewItem in, String publicId, long stamp) {
    return addAsNewStory(in, publicId, stamp, nextStoryId(), nextItemId());
  }

  /** As {@link #addAsNewStory(NewItem, String, long)}, under ids drawn before. */
  public StoredItem addAsNewStory(NewItem in, String publicId, long stamp, long storyId, long itemId) {
    ItemFields f = in.fields();
    NewStory story = new NewStory(storyId, publicId, in.firstSeen());
    story.updated = reportTime(f, in.firstSeen());
    story.itemCount = 1;
    story.revision = stamp;
    story.title = f.title();
    story.link = f.url();
    story.leadPublished = f.published();
    created.put(story.id, story);
    return row(in, story.id, null, stamp, itemId);
  }

  /** A report joining a story, stored or added in this batch; the earliest dated report leads it. */
  public StoredItem addToStory(NewItem in, long storyId, Long duplicateOf, long stamp) {
    return addToStory(in, storyId, duplicateOf, stamp, nextItemId());
  }

  /** As {@link #addToStory(NewItem, long, Long, long)}, under an item id drawn before. */
  public StoredItem addToStory(NewItem in, long storyId, Long duplicateOf, long stamp, long itemId) {
    ItemFields f = in.fields();
    NewStory fresh = created.get(storyId);
    if (fresh != null) {
      fresh.itemCount++;
      fresh.updated = later(in.firstSeen(), fresh.updated);
      fresh.revision = stamp;
      if (leads(f, fresh.leadPublished)) {
        fresh.title = f.title();
        fresh.link = f.url();
        fresh.leadPublished = f.published();
      }
    } else {
      Joined j = joined.computeIfAbsent(storyId, k -> new Joined());
      j.added++;
      j.seen = later(in.firstSeen(), j.seen);
      j.revision = stamp;
      if (leads(f, j.lead == null ? null : j.lead.published())) {
        j.lead = f;
      }
    }
    return row(in, storyId, duplicateOf, stamp, itemId);
  }

  /** Writes the batch: stored stories updated, new stories inserted, then the reports. */
  public void write() {
    em.flush();
    em.unwrap(Session.class).doWork(c -> {
      updateJoined(c);
      insert(c);
    });
  }

  /**
   * The stored stories reports joined: read and updated by JDBC, a query and a batch per 500, under
   * the assignment lock where loading them as entities (and translating a query per list size) is
   * time every other feed waits.
   */
  private void updateJoined(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>(joined.keySet());
    try (PreparedStatement update = c.prepareStatement("update story set item_count = ?, updated = ?, revision = ?,"
        + " title = ?, link = ?, lead_published = ? where id = ?")) {
      for (int i = 0; i < ids.size(); i += 500) {
        List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
        try (PreparedStatement select = c.prepareStatement("select id, item_count, updated, title, link, lead_published"
            + " from story where id in (" + Sql.marks(chunk.size()) + ")")) {
          for (int k = 0; k < chunk.size(); k++) {
            select.setLong(k + 1, chunk.get(k));
          }
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              Joined j = joined.remove(rs.getLong(1));
              String title = rs.getString(4);
              String link = rs.getString(5);
              Instant leadPublished = Sql.instant(rs, 6);
              if (j.lead != null && leads(j.lead, leadPublished)) {
                title = j.lead.title();
                link = j.lead.url();
                leadPublished = j.lead.published();
              }
              update.setInt(1, rs.getInt(2) + j.added);
              Sql.time(update, 2, later(j.seen, Sql.instant(rs, 3)));
              update.setLong(3, j.revision);
              update.setString(4, title);
              update.setString(5, link);
              Sql.time(update, 6, leadPublished);
              update.setLong(7, rs.getLong(1));
              update.addBatch();
            }
          }
        }
        update.executeBatch();
      }
    }
    if (!joined.isEmpty()) {
      throw new StoryGone(joined.keySet().iterator().next());
    }
  }

  private void insert(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into story (id, public_id, title, link, created, updated,"
        + " item_count, revision, lead_published) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (NewStory s : created.values()) {
        ps.setLong(1, s.id);
        ps.setString(2, s.publicId);
        ps.setString(3, s.title);
        ps.setString(4, s.link);
        Sql.time(ps, 5, s.created);
        Sql.time(ps, 6, s.updated);
        ps.setInt(7, s.itemCount);
        ps.setLong(8, s.revision);
        Sql.time(ps, 9, s.leadPublished);
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      if (n % 500 != 0) {
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("insert into item (id, source_id, story_id, guid, guid_hash, url,"
        + " url_hash, title, summary, content_hash, author, language, published, updated, first_seen, duplicate_of,"
        + " image_url, seq, analysis_version, analysis) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (Row r : rows) {
        NewItem in = r.in();
        ItemFields f = in.fields();
        ps.setLong(1, r.id());
        ps.setString(2, in.sourceId());
        ps.setLong(3, r.storyId());
        ps.setString(4, in.guid());
        ps.setBytes(5, in.guidHash().bytes());
        ps.setString(6, f.url());
        if (in.urlHash() == null) {
          ps.setNull(7, Types.VARBINARY);
        } else {
          ps.setBytes(7, in.urlHash().bytes());
        }
        ps.setString(8, f.title());
        ps.setString(9, f.summaryHtml());
        ps.setBytes(10, in.contentHash().bytes());
        ps.setString(11, f.author());
        ps.setString(12, f.language());
        Sql.time(ps, 13, f.published());
        Sql.time(ps, 14, f.updated());
        Sql.time(ps, 15, in.firstSeen());
        if (r.duplicateOf() == null) {
          ps.setNull(16, Types.BIGINT);
        } else {
          ps.setLong(16, r.duplicateOf());
        }
        ps.setString(17, f.image());
        ps.setLong(18, r.seq());
        if (in.analysis() == null) {
          ps.setNull(19, Types.INTEGER);
          ps.setNull(20, Types.VARBINARY);
        } else {
          ps.setInt(19, in.analysisVersion());
          ps.setBytes(20, in.analysis());
        }
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      if (n % 500 != 0) {
        ps.executeBatch();
      }
    }
  }

  private StoredItem row(NewItem in, long storyId, Long duplicateOf, long stamp, long id) {
    rows.add(new Row(id, storyId, duplicateOf, stamp, in));
    return new StoredItem(id, storyId, stamp);
  }

  private long generate(BeforeExecutionGenerator ids) {
    return ((Number) ids.generate(session, null, null, EventType.INSERT)).longValue();
  }

  private static boolean leads(ItemFields f, Instant leadPublished) {
    return f.published() != null && f.title() != null && (leadPublished == null || f.published().isBefore(leadPublished));
  }

  /** A new story is dated by its report, but never in the future (clocks and feeds lie). */
  static Instant reportTime(ItemFields f, Instant now) {
    Instant t = f.published() != null ? f.published() : f.updated();
    return t == null || t.isAfter(now) ? now : t;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
