package dev.tributary.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

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
    return ((Number) em.createNativeQuery(nextSql).getSingleResult()).longValue();
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
    List<?> out = em.createNativeQuery("select " + value + " from " + rows).getResultList();
    return out.stream().mapToLong(v -> ((Number) v).longValue()).sorted().toArray();
  }

  /** The newest revision stamped on any source: the data version that merged feeds are cached by. */
  public long current() {
    Number n = (Number) em.createQuery("select max(s.revision) from SourceEntity s").getSingleResult();
    return n == null ? 0 : n.longValue();
  }
}
