package dev.tributary.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * Report rows and the story rows they lead: found by identity, added to a story, updated, and
 * read back for the story index. Runs inside the caller's transaction; decides nothing about
 * which story a report belongs to.
 */
@ApplicationScoped
public class ItemStore {
  @Inject EntityManager em;
  @Inject Revisions revisions;
  @Inject Event<DataChanged> changed;
  @Inject DataSource dataSource;

  /**
   * The reports a source already stored under any of these guid hashes, by guid hash. JDBC: three
   * columns, not whole entities with their text loaded into the session and checked at every flush;
   * on a pooled connection of its own, so a poll that finds only new reports opens no transaction
   * and no persistence context for it (inside a transaction, the connection is the transaction's).
   */
  public Map<HashKey, KnownItem> findAll(String sourceId, Collection<HashKey> guidHashes) {
    Map<HashKey, KnownItem> out = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (List<HashKey> chunk : chunks(guidHashes)) {
        try (PreparedStatement ps = c.prepareStatement("select guid_hash, id, story_id, content_hash from item"
            + " where source_id = ? and guid_hash in (" + Sql.marks(chunk.size()) + ")")) {
          ps.setString(1, sourceId);
          bind(ps, 2, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(HashKey.of(rs.getBytes(1)), new KnownItem(rs.getLong(2), rs.getLong(3), HashKey.of(rs.getBytes(4))));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading what source " + sourceId + " stored failed: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * For each of these link identity keys, the stored reports carrying it, oldest first, whatever
   * their source: a batch of many sources' feeds looks its links up in one query per 500 keys
   * (JDBC: it runs under the assignment lock, where Hibernate's query translation is time others wait).
   */
  public Map<HashKey, List<LinkedItem>> sameLinks(Collection<HashKey> urlHashes) {
    Map<HashKey, List<LinkedItem>> out = new HashMap<>();
    for (List<HashKey> chunk : chunks(urlHashes)) {
      query("select url_hash, id, story_id, url, source_id from item where url_hash in (" + Sql.marks(chunk.size())
          + ") order by id", ps -> bind(ps, 1, chunk), rs -> out.computeIfAbsent(HashKey.of(rs.getBytes(1)), k -> new ArrayList<>())
          .add(new LinkedItem(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5))));
    }
    return out;
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Binder binder, Row row) {
    em.unwrap(Session.class).doWork(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            row.read(rs);
          }
        }
      }
    });
  }

  private static void bind(PreparedStatement ps, int first, List<HashKey> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setBytes(first + i, values.get(i).bytes());
    }
  }

  // item and story ids drawn before the assignment lock; one assigning transaction at a time uses them
  private final IdReserve itemIds = new IdReserve();
  private final IdReserve storyIds = new IdReserve();

  /**
   * New rows for one assigning transaction, written together by {@link AssignBatch#write}. Ids for
   * up to {@code reports} reports and as many new stories are drawn from the sequences now: called
   * before the assignment lock, so under it no row waits for a sequence round trip.
   */
  public AssignBatch batch(int reports) {
    AssignBatch batch = new AssignBatch(em, itemIds, storyIds);
    batch.reserve(reports);
    return batch;
  }

  private static List<List<HashKey>> chunks(Collection<HashKey> keys) {
    List<HashKey> all = new ArrayList<>(new HashSet<>(keys));
    List<List<HashKey>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 500) {
      out.add(all.subList(i, Math.min(all.size(), i + 500)));
    }
    return out;
  }

  /** What the source's last fetched feed held: entries read, and how many were new reports. */
  public void recordSeen(String sourceId, int seen, int added) {
    em.createQuery("update SourceEntity s set s.lastSeen = ?1, s.lastNew = ?2 where s.id = ?3")
        .setParameter(1, seen).setParameter(2, added).setParameter(3, sourceId).executeUpdate();
  }

  /** A changed report: new content, and its story shows it changed. */
  public void update(long itemId, ItemFields fields, HashKey contentHash, Instant now) {
    ItemEntity item = ItemEntity.findById(itemId);
    if (item == null) {
      return;
    }
    copy(item, fields);
    item.contentHash = contentHash.bytes();
    item.analysisVersion = null; // the stored analysis is of the old text
    StoryEntity story = StoryEntity.findById(item.storyId);
    if (story != null) {
      story.revision = revisions.next();
      story.updated = later(now, story.updated);
    }
  }

  /** Marks what a source's feeds show as changed (the merged feeds' caches key on this). */
  public void sourceChanged(String sourceId, String reason) {
    sourceChanged(sourceId, reason, revisions.next());
  }

  /** As {@link #sourceChanged(String, String)}, stamped with a revision taken beforehand. */
  public void sourceChanged(String sourceId, String reason, long revision) {
    changed.fire(new DataChanged(reason));
    em.createQuery("update SourceEntity s set s.revision = ?1 where s.id = ?2")
        .setParameter(1, revision)
        .setParameter(2, sourceId)
        .executeUpdate();
  }

  /** What one source's feed held, for {@link #sourcesIngested}: entries read, and how many were new reports. */
  public record Seen(String sourceId, int seen, int added) {}

  /**
   * As {@link #sourceChanged(String, String, long)} for sources whose feeds brought new reports,
   * each with what its feed held ({@link #recordSeen}): one JDBC batch in the transaction that
   * stores the reports, so a new feed costs no commit of its own for its counts. In source id
   * order, as the heartbeat renews leases: two transactions locking rows in one order never deadlock.
   */
  public void sourcesIngested(Collection<Seen> sources, String reason, long revision) {
    changed.fire(new DataChanged(reason));
    List<Seen> inOrder = sources.stream().sorted(Comparator.comparing(Seen::sourceId)).toList();
    em.unwrap(Session.class).doWork(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "update source set revision = ?, last_seen = ?, last_new = ? where id = ?")) {
        for (Seen s : inOrder) {
          ps.setLong(1, revision);
          ps.setInt(2, s.seen());
          ps.setInt(3, s.added());
          ps.setString(4, s.sourceId());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
  }

  /** Writes what is pending and forgets loaded rows: a big feed's context stays small. */
  public void flushAndClear() {
    em.flush();
    em.clear();
  }

  /** The highest assignment stamp stored, by any replica. */
  public long maxSeq() {
    Long max = em.createQuery("select max(i.seq) from ItemEntity i", Long.class).getSingleResult();
    return max == null ? 0L : max;
  }

  /**
   * Reports first seen since {@code since}, in id order after {@code afterId}; each with its stored
   * analysis if that is of {@code analysisVersion} (and then without its text, which is not needed).
   */
  public List<IndexedItem> seenSince(Instant since, long afterId, int max, int analysisVersion) {
    return indexed("first_seen >= ? and id > ? order by id", analysisVersion, max,
        ps -> {
          Sql.time(ps, 4, since);
          ps.setLong(5, afterId);
        });
  }

  /** Reports assigned (or moved) after the stamp {@code seq}, in stamp order; analyses as in {@link #seenSince}. */
  public List<IndexedItem> assignedAfter(long seq, int max, int analysisVersion) {
    return indexed("seq > ? order by seq", analysisVersion, max, ps -> ps.setLong(4, seq));
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  // JDBC: the analysis column is no entity field, so feeds that load items never read it
  private List<IndexedItem> indexed(String where, int analysisVersion, int max, Binder binder) {
    String sql = "select id, source_id, story_id, seq, url, language, published, first_seen,"
        + " case when analysis_version = ? then null else title end,"
        + " case when analysis_version = ? then null else summary end,"
        + " case when analysis_version = ? then analysis end, url_hash"
        + " from item where " + where + " limit " + max;
    List<IndexedItem> out = new ArrayList<>();
    query(sql, ps -> {
      ps.setInt(1, analysisVersion);
      ps.setInt(2, analysisVersion);
      ps.setInt(3, analysisVersion);
      binder.bind(ps);
    }, rs -> out.add(new IndexedItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
        HashKey.of(rs.getBytes(12)), rs.getString(9), rs.getString(10), rs.getString(6), Sql.instant(rs, 7), Sql.instant(rs, 8),
        rs.getBytes(11))));
    return out;
  }

  private static void copy(ItemEntity item, ItemFields f) {
    item.url = f.url();
    item.title = f.title();
    item.summary = f.summaryHtml();
    item.author = f.author();
    item.language = f.language();
    item.published = f.published();
    item.updated = f.updated();
    item.imageUrl = f.image();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
