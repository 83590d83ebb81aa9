package dev.tributary.store;

import dev.tributary.config.FeedsConfig;
import dev.tributary.config.SourceConfig;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/** Source rows: kept in step with feeds.yaml, claimed for polling, updated with each outcome. */
@ApplicationScoped
public class SourceStore {
  private static final Logger LOG = Logger.getLogger(SourceStore.class);

  @Inject EntityManager em;
  @Inject Revisions revisions;
  @Inject Event<DataChanged> changed;
  @Inject DataSource dataSource;
  @Inject InstantSource clock;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String dbKind;

  private static final int SYNC_ATTEMPTS = 5;
  private static final int INSERT_BATCH = 500;

  /**
   * New sources become due at once; a changed URL forgets the old validators; removed ones go
   * inactive. Replicas started together sync the same file at once: new rows are inserted only if
   * absent (one winner), and a sync that still loses a race (a lock timeout, a deadlock between
   * two files' orders) is retried from the start, when the winners' rows are visible.
   */
  void sync(@Observes FeedsConfig config) {
    for (int attempt = 1; ; attempt++) {
      try {
        QuarkusTransaction.requiringNew().run(() -> syncOnce(config));
        return;
      } catch (RuntimeException e) {
        if (attempt == SYNC_ATTEMPTS) {
          throw e;
        }
        LOG.warnf("sources sync lost a race with another replica attempt=%d: %s", attempt, e.getMessage());
      }
    }
  }

  // Proportional to the file, not to a query per source: one read of every row, the new rows in
  // JDBC batches, the changed ones by dirty checking (10,000 sources took 30,000 round trips).
  private void syncOnce(FeedsConfig config) {
    Map<String, SourceEntity> stored = new HashMap<>();
    // a criteria query, not HQL: start-up syncs before anything else queries, and this keeps
    // Hibernate's HQL parser from being initialised on the way to readiness
    CriteriaQuery<SourceEntity> all = em.getCriteriaBuilder().createQuery(SourceEntity.class);
    all.from(SourceEntity.class);
    for (SourceEntity s : em.createQuery(all).getResultList()) {
      stored.put(s.id, s);
    }
    Set<String> configured = new HashSet<>();
    List<SourceConfig> absent = new ArrayList<>();
    for (SourceConfig sc : config.sources()) {
      configured.add(sc.id());
      SourceEntity s = stored.get(sc.id());
      if (s == null) {
        absent.add(sc);
      } else {
        update(s, sc);
      }
    }
    for (SourceConfig sc : insertIfAbsent(absent)) {
      update(SourceEntity.findById(sc.id()), sc); // another replica inserted it since the read
    }
    for (SourceEntity s : stored.values()) {
      if (s.active && !configured.contains(s.id)) {
        s.active = false;
      }
    }
    LOG.debugf("sources synced count=%d new=%d", configured.size(), absent.size());
  }

  private void update(SourceEntity s, SourceConfig sc) {
    String url = sc.url().toString();
    if (!s.url.equals(url)) {
      s.url = url;
      s.etag = null;
      s.lastModified = null;
      s.nextFetch = null;
      s.parkedReason = null;
      s.permanentRedirect = null;
      s.consecutiveFailures = 0;
    }
    if (!s.active) {
      s.active = true;
      s.nextFetch = null;
    }
    if (!Objects.equals(s.title, sc.title())) {
      s.title = sc.title();
      s.revision = revisions.next();
      changed.fire(new DataChanged("source title " + s.id));
    }
  }

  /** Inserts the rows that are still absent; returns those another replica may have inserted first. */
  private List<SourceConfig> insertIfAbsent(List<SourceConfig> absent) {
    if (absent.isEmpty()) {
      return List.of();
    }
    // PostgreSQL waits for a concurrent insert of the same id to commit, then does nothing;
    // H2 is one process, where the retry in sync() covers the rare in-JVM race.
    String sql = DatabaseKind.isPostgreSQL(dbKind)
        ? "insert into source (id, url, title, revision) values (?, ?, ?, ?) on conflict (id) do nothing"
        : "insert into source (id, url, title, revision) select ?, ?, ?, ? from (values (0)) v(x)"
            + " where not exists (select 1 from source where id = ?)";
    long[] stamps = revisions.next(absent.size());
    List<SourceConfig> taken = new ArrayList<>();
    em.unwrap(Session.class).doWork(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        for (int from = 0; from < absent.size(); from += INSERT_BATCH) {
          List<SourceConfig> batch = absent.subList(from, Math.min(absent.size(), from + INSERT_BATCH));
          for (int i = 0; i < batch.size(); i++) {
            SourceConfig sc = batch.get(i);
            insert.setString(1, sc.id());
            insert.setString(2, sc.url().toString());
            insert.setString(3, sc.title());
            insert.setLong(4, stamps[from + i]);
            if (!DatabaseKind.isPostgreSQL(dbKind)) {
              insert.setString(5, sc.id());
            }
            insert.addBatch();
          }
          int[] inserted = insert.executeBatch();
          for (int i = 0; i < batch.size(); i++) {
            if (inserted[i] != 1) { // 0, or a driver that does not say (SUCCESS_NO_INFO): read it back
              taken.add(batch.get(i));
            }
          }
        }
      }
    });
    return taken;
  }

  /**
   * Claims up to {@code max} due sources by moving their next fetch to the lease's end with a
   * conditional update, so two replicas never fetch the same source in one interval. The lease is
   * short and renewed while the fetch runs ({@link #renew}): a crashed replica's claims lapse soon.
   */
  @Transactional
  public List<String> claimDue(Instant now, Instant leaseEnd, int max) {
    List<String> due = em.createQuery(
            "select s.id from SourceEntity s where s.active = true and s.parkedReason is null"
                + " and (s.nextFetch is null or s.nextFetch <= ?1) order by s.nextFetch nulls first", String.class)
        .setParameter(1, now)
        .setMaxResults(max)
        .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    // one JDBC batch of conditional updates: a claim per row, without a query translation per row
    OffsetDateTime until = OffsetDateTime.ofInstant(leaseEnd, ZoneOffset.UTC);
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<String> claimed = new ArrayList<>();
    List<String> unsure = new ArrayList<>();
    em.unwrap(Session.class).doWork(c -> {
      try (PreparedStatement ps = c.prepareStatement("update source set next_fetch = ? where id = ?"
          + " and (next_fetch is null or next_fetch <= ?)")) {
        for (String id : due) {
          ps.setObject(1, until);
          ps.setString(2, id);
          ps.setObject(3, at);
          ps.addBatch();
        }
        int[] updated = ps.executeBatch();
        for (int i = 0; i < due.size(); i++) {
          if (updated[i] == 1) {
            claimed.add(due.get(i));
          } else if (updated[i] == Statement.SUCCESS_NO_INFO) {
            unsure.add(due.get(i));
          }
        }
      }
    });
    if (!unsure.isEmpty()) { // a driver that does not say: the rows holding this lease's end are ours
      claimed.addAll(em.createQuery("select s.id from SourceEntity s where s.id in ?1 and s.nextFetch = ?2", String.class)
          .setParameter(1, unsure).setParameter(2, leaseEnd).getResultList());
    }
    return claimed;
  }

  /**
   * Extends the leases still held: a row whose next fetch is no longer the lease end this replica
   * wrote was recorded since (or claimed elsewhere after a lapse) and is left alone.
   */
  @Transactional
  public Set<String> renew(Map<String, Instant> held, Instant leaseEnd) {
    return moveLeases(held, leaseEnd);
  }

  /** Hands claims back unused: those still held become due at {@code now}. Returns how many. */
  @Transactional
  public int release(Map<String, Instant> held, Instant now) {
    return moveLeases(held, now).size();
  }

  /**
   * Moves each lease still at its end to {@code to}, in one JDBC batch in source id order: an
   * assigning transaction stamps its sources in that order too, so the two never deadlock (in
   * hash order they did, and the rolled-back group commit rebuilt the story index). Returns the
   * sources moved.
   */
  private Set<String> moveLeases(Map<String, Instant> held, Instant to) {
    List<String> ids = held.keySet().stream().sorted().toList();
    Set<String> moved = new HashSet<>();
    if (ids.isEmpty()) {
      return moved;
    }
    List<String> unsure = new ArrayList<>();
    em.unwrap(Session.class).doWork(c -> {
      try (PreparedStatement ps = c.prepareStatement("update source set next_fetch = ? where id = ? and next_fetch = ?")) {
        for (String id : ids) {
          Sql.time(ps, 1, to);
          ps.setString(2, id);
          Sql.time(ps, 3, held.get(id));
          ps.addBatch();
        }
        int[] updated = ps.executeBatch();
        for (int i = 0; i < ids.size(); i++) {
          if (updated[i] == 1) {
            moved.add(ids.get(i));
          } else if (updated[i] == Statement.SUCCESS_NO_INFO) {
            unsure.add(ids.get(i));
          }
        }
      }
    });
    if (!unsure.isEmpty()) { // a driver that does not say: the rows now at {@code to} were moved here
      moved.addAll(em.createQuery("select s.id from SourceEntity s where s.id in ?1 and s.nextFetch = ?2", String.class)
          .setParameter(1, unsure).setParameter(2, to).getResultList());
    }
    return moved;
  }

  /**
   * What polling needs of a source, read by JDBC on a connection of its own: one indexed row, with
   * no transaction or persistence context around it (a poll reads this once per fetch).
   */
  public Optional<SourceState> state(String id) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "select url, etag, last_modified, parked_reason, consecutive_failures, next_fetch, interval_seconds,"
            + " last_fetch, last_change, mean_change_seconds, ttl_minutes, last_success from source where id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String parkedReason = rs.getString(4);
        int failures = rs.getInt(5);
        Schedule.Status status = parkedReason != null ? Schedule.Status.PARKED
            : failures > 0 ? Schedule.Status.BACKING_OFF : Schedule.Status.ACTIVE;
        Schedule schedule = new Schedule(status, Sql.instant(rs, 6), seconds(longOrNull(rs, 7)), failures,
            Sql.instant(rs, 8), new Schedule.Rhythm(Sql.instant(rs, 9), seconds(longOrNull(rs, 10)), intOrNull(rs, 11)),
            parkedReason);
        return Optional.of(new SourceState(id, rs.getString(1), new Validators(rs.getString(2), rs.getString(3)),
            schedule, Sql.instant(rs, 12)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the state of source " + id + " failed: " + e.getMessage(), e);
    }
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  /**
   * Stores one poll's outcome on its source: one JDBC update (and a read of the stored feed title
   * when the feed brought one), no entity loaded and dirty-checked. A new feed title stamps the
   * source with a revision of its own.
   */
  @Transactional
  public void record(String id, FetchRecord r) {
    String title = Columns.clip(r.feedTitle(), Columns.FEED_TITLE);
    em.unwrap(Session.class).doWork(c -> {
      boolean retitled = false;
      if (title != null) {
        try (PreparedStatement ps = c.prepareStatement("select feed_title from source where id = ?")) {
          ps.setString(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            retitled = rs.next() && !title.equals(rs.getString(1));
          }
        }
      }
      long revision = retitled ? revisions.next() : 0;
      try (PreparedStatement ps = c.prepareStatement(RECORD)) {
        bindRecord(ps, id, r, title, retitled, revision);
        ps.executeUpdate();
      }
      if (retitled) {
        changed.fire(new DataChanged("source title " + id));
      }
    });
  }

  /**
   * Stores the outcomes of polls whose feeds an assigning transaction stores, in it: one JDBC batch
   * in source id order (as leases are renewed). That transaction stamps these sources with its
   * revision and announces the change, which covers a new feed title too.
   */
  public void recordAll(Map<String, FetchRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    List<String> ids = records.keySet().stream().sorted().toList();
    em.unwrap(Session.class).doWork(c -> {
      try (PreparedStatement ps = c.prepareStatement(RECORD)) {
        for (String id : ids) {
          FetchRecord r = records.get(id);
          bindRecord(ps, id, r, Columns.clip(r.feedTitle(), Columns.FEED_TITLE), false, 0);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
  }

  // an absent outcome (null) keeps what is stored: the last success, validators, feed title, redirect
  private static final String OUTCOME = "last_fetch = ?, last_status = ?, last_error = ?,"
      + " error_kind = ?, last_success = coalesce(?, last_success), etag = case when ? then ? else etag end,"
      + " last_modified = case when ? then ? else last_modified end, feed_title = coalesce(?, feed_title)";
  private static final String SCHEDULE = "last_change = ?, mean_change_seconds = ?,"
      + " ttl_minutes = ?, next_fetch = ?, interval_seconds = ?, consecutive_failures = ?, parked_reason = ?,"
      + " permanent_redirect = coalesce(?, permanent_redirect)";
  private static final String RECORD = "update source set " + OUTCOME
      + ", revision = case when ? then ? else revision end, " + SCHEDULE + " where id = ?";
  // a source whose feed brought new reports: its change stamp and counts with its poll's outcome
  private static final String INGESTED = "update source set revision = ?, last_seen = ?, last_new = ?, "
      + OUTCOME + ", " + SCHEDULE + " where id = ?";

  private static void bindRecord(PreparedStatement ps, String id, FetchRecord r, String title, boolean retitled,
      long revision) throws SQLException {
    int at = bindOutcome(ps, 1, r, title);
    ps.setBoolean(at++, retitled);
    ps.setLong(at++, revision);
    at = bindSchedule(ps, at, r);
    ps.setString(at, id);
  }

  // binds OUTCOME from parameter {@code at} on; returns the next parameter's index
  private static int bindOutcome(PreparedStatement ps, int at, FetchRecord r, String title) throws SQLException {
    boolean success = r.error() == null;
    boolean validators = success && r.validators() != null && !r.validators().isEmpty();
    Sql.time(ps, at, r.at());
    setInt(ps, at + 1, r.status());
    ps.setString(at + 2, Columns.clip(r.error(), Columns.ERROR));
    ps.setString(at + 3, r.errorKind());
    Sql.time(ps, at + 4, success ? r.at() : null);
    ps.setBoolean(at + 5, validators);
    ps.setString(at + 6, validators ? r.validators().etag() : null);
    ps.setBoolean(at + 7, validators);
    ps.setString(at + 8, validators ? r.validators().lastModified() : null);
    ps.setString(at + 9, title);
    return at + 10;
  }

  // binds SCHEDULE from parameter {@code at} on; returns the next parameter's index
  private static int bindSchedule(PreparedStatement ps, int at, FetchRecord r) throws SQLException {
    Schedule next = r.next();
    Sql.time(ps, at, next.rhythm().lastChange());
    setLong(ps, at + 1, next.rhythm().meanChangeInterval() == null ? null : next.rhythm().meanChangeInterval().toSeconds());
    setInt(ps, at + 2, next.rhythm().ttlMinutes());
    Sql.time(ps, at + 3, next.nextDue());
    setLong(ps, at + 4, next.interval() == null ? null : next.interval().toSeconds());
    ps.setInt(at + 5, next.failures());
    ps.setString(at + 6, next.parkedReason());
    ps.setString(at + 7, r.permanentRedirect());
    return at + 8;
  }

  /** A source whose feed an assigning transaction stores: entries read, new reports, and the poll's outcome (null: none). */
  public record Ingested(String sourceId, int seen, int added, FetchRecord polled) {}

  /**
   * Stamps the sources whose feeds brought new reports with {@code revision} and stores what each
   * feed held and its poll's outcome, in the assigning transaction: one row update per source, in
   * source id order (as leases are renewed, so two transactions locking rows never deadlock). H2
   * rewrites every index entry of an updated row, so a second update of the same rows, for the
   * outcome alone, cost as much again. Returns false, having written nothing, when some source
   * has no outcome to record (a feed given by hand): {@link ItemStore#sourcesIngested} and
   * {@link #recordAll} then write them.
   */
  public boolean ingested(Collection<Ingested> sources, long revision) {
    if (sources.stream().anyMatch(s -> s.polled() == null)) {
      return false;
    }
    changed.fire(new DataChanged("ingest"));
    List<Ingested> inOrder = sources.stream().sorted(Comparator.comparing(Ingested::sourceId)).toList();
    em.unwrap(Session.class).doWork(c -> {
      try (PreparedStatement ps = c.prepareStatement(INGESTED)) {
        for (Ingested s : inOrder) {
          FetchRecord r = s.polled();
          ps.setLong(1, revision);
          ps.setInt(2, s.seen());
          ps.setInt(3, s.added());
          int at = bindOutcome(ps, 4, r, Columns.clip(r.feedTitle(), Columns.FEED_TITLE));
          at = bindSchedule(ps, at, r);
          ps.setString(at, s.sourceId());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
    return true;
  }

  private static void setInt(PreparedStatement ps, int index, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, v);
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, v);
    }
  }

  private static Duration seconds(Long s) {
    return s == null ? null : Duration.ofSeconds(s);
  }

  /** A poll that was not attempted (host paused or busy): only the next attempt moves. */
  @Transactional
  public void defer(String id, Instant nextFetch) {
    SourceEntity s = SourceEntity.findById(id);
    if (s != null) {
      s.nextFetch = nextFetch;
    }
  }

  /** An admin asks for a fetch now: due at once, and unparked if a 410 had parked it. */
  @Transactional
  public boolean fetchSoon(String id, Instant now) {
    SourceEntity s = SourceEntity.findById(id);
    if (s == null || !s.active) {
      return false;
    }
    s.parkedReason = null;
    s.nextFetch = now;
    return true;
  }

  /** Every source, active or not, with its stored and merged report counts: for health pages. */
  @Transactional
  public List<SourceHealth> health() {
    Map<String, Long> counts = countBySource("select i.sourceId, count(i) from ItemEntity i group by i.sourceId");
    Map<String, Long> merged = countBySource(
        "select i.sourceId, count(i) from ItemEntity i where i.duplicateOf is not null group by i.sourceId");
    return SourceEntity.<SourceEntity>list("order by id").stream()
        .map(e -> SourceHealth.of(e, counts.getOrDefault(e.id, 0L), merged.getOrDefault(e.id, 0L)))
        .toList();
  }

  /** Every source's polling health, without the report counts {@link #health} scans every report for. */
  @Transactional
  public List<SourceStatus> statuses() {
    return em.createQuery("select new dev.tributary.store.SourceStatus(s.id, s.active, s.parkedReason,"
        + " s.consecutiveFailures, s.lastSuccess) from SourceEntity s", SourceStatus.class).getResultList();
  }

  private Map<String, Long> countBySource(String query) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : em.createQuery(query, Object[].class).getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  /**
   * How much is stored. Counting scans every story (and, on PostgreSQL, every report): 100k rows
   * each 15 s for the gauges. So the counts are kept with the data revision they were taken at and
   * counted again only when it moved, this replica committed a change, or {@link #TOTALS_MAX_AGE}
   * passed (a change that stamps no source, e.g. retention of an empty story, or a revision
   * stamped before but committed after the count, is picked up by then).
   */
  @Transactional
  public Totals totals() {
    long changesBefore = localChanges.get();
    long revision = revisions.current();
    Instant now = clock.instant();
    CountedTotals hit = counted;
    if (hit != null && hit.revision() == revision && hit.localChanges() == changesBefore
        && !now.isBefore(hit.at()) && now.isBefore(hit.at().plus(TOTALS_MAX_AGE))) {
      return hit.totals();
    }
    Totals totals = new Totals(ItemEntity.count(), StoryEntity.count("mergedInto is null"));
    // read after the revision: the counts are at least as new as the revision they are kept under
    counted = new CountedTotals(totals, revision, changesBefore, now);
    return totals;
  }

  /** Bounds how long counts kept by {@link #totals} can miss a change no revision shows. */
  static final Duration TOTALS_MAX_AGE = Duration.ofMinutes(5);

  private record CountedTotals(Totals totals, long revision, long localChanges, Instant at) {}

  private volatile CountedTotals counted;
  /** Bumped by every local commit that changed data, so counts taken before it are not reused. */
  private final AtomicLong localChanges = new AtomicLong();

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged event) {
    localChanges.incrementAndGet();
  }
}
