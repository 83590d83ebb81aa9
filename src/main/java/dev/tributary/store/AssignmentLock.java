package dev.tributary.store;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database's share of serializing story assignment: on PostgreSQL a transaction-scoped
 * advisory lock, so replicas take turns; on embedded H2 there is one process and the JVM lock suffices.
 * Ingestion and regrouping both take it: each decision depends on the ones before.
 */
@ApplicationScoped
public class AssignmentLock {
  private static final long KEY = 0x7472_6962_7574L; // "tribut"

  @Inject EntityManager em;

  // the replica's own share: one assigning transaction at a time in this JVM
  private final ReentrantLock local = new ReentrantLock();

  /** Taken before the assigning transaction starts, released after it ends. */
  public void lockLocal() {
    local.lock();
  }

  public void unlockLocal() {
    local.unlock();
  }

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String dbKind;

  /**
   * Whether other processes may assign beside this one (PostgreSQL): on embedded H2 this JVM is
   * the only writer, and nothing can be committed by anyone else while it waits for the lock.
   */
  public boolean clusterWide() {
    return DatabaseKind.isPostgreSQL(dbKind);
  }

  /** Must be called inside the assigning transaction; released at its end. */
  public void acquire() {
    if (clusterWide()) {
      em.createNativeQuery("select pg_advisory_xact_lock(" + KEY + ")").getSingleResult();
    }
  }

  /** As {@link #acquire}, but only if no other replica holds the lock now; true when taken. */
  public boolean tryAcquire() {
    if (!clusterWide()) {
      return true;
    }
    return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(" + KEY + ")").getSingleResult());
  }
}
