package dev.tributary.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

  /** The newest revision stamped on any source: the data version that merged feeds are cached by. */
  public long current() {
    Number n = (Number) em.createQuery("select max(s.revision) from SourceEntity s").getSingleResult();
    return n == null ? 0 : n.longValue();
  }
}
