package dev.tributary.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.NativeQuery;

/**
 * A database-wide, ever-increasing change counter. Every write that alters what a feed shows
 * stamps the source with the next value, so {@code max(source.revision)} changes whenever any
 * published output may change — across replicas too, since the database hands out the values.
 */
@ApplicationScoped
public class Revisions {
  @Inject EntityManager em;

  private volatile String nextSql;

  public long next() {
    if (nextSql == null) {
      var dialect = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
      nextSql = dialect.getSequenceSupport().getSequenceNextValString("revision_seq");
    }
    // JDBC: a native query would first flush the session (it cannot know the sequence touches no
    // table), and the entity changes pending beside it are flushed at commit anyway
    return em.unwrap(Session.class).doReturningWork(c -> {
      try (PreparedStatement ps = c.prepareStatement(nextSql); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * The next {@code n} values in one round trip, ascending: an assigning transaction takes its
   * stamps before its inserts, so no query in between flushes them one by one.
   */
  public long[] next(int n) {
    if (n <= 0) {
      return new long[0];
    }
    var dialect = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    String value = dialect.getSequenceSupport().getSelectSequenceNextValString("revision_seq");
    String rows = dialect instanceof PostgreSQLDialect
        ? "generate_series(1, " + n + ")" : "system_range(1, " + n + ")";
    String sql = "select " + value + " from " + rows;
    long[] out = em.unwrap(Session.class).doReturningWork(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        long[] values = new long[n];
        for (int i = 0; i < n && rs.next(); i++) {
          values[i] = rs.getLong(1);
        }
        return values;
      }
    });
    Arrays.sort(out);
    return out;
  }

  /** The newest revision stamped on any source: the data version that merged feeds are cached by. */
  public long current() {
    // SQL, not HQL: readiness asks this first, and the first HQL query initialises Hibernate's
    // parser (hundreds of classes), which the story index loader can pay after start-up instead.
    // Synchronized on the source table, so it flushes what an HQL query would: pending source changes.
    Number n = (Number) em.createNativeQuery("select max(revision) from source")
        .unwrap(NativeQuery.class).addSynchronizedEntityClass(SourceEntity.class).getSingleResult();
    return n == null ? 0 : n.longValue();
  }
}
