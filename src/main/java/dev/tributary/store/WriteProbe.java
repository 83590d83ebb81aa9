package dev.tributary.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Whether the database still takes writes: rewrites one row to itself in its own transaction.
 * A full disk or a read-only data directory fails here even while reads still work.
 */
@ApplicationScoped
public class WriteProbe {
  @Inject EntityManager em;

  /** Empty when the write committed; else what failed (the innermost cause's message). */
  public Optional<String> probe() {
    try {
      QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
          "update source set revision = revision where id = (select min(id) from source)").executeUpdate());
      return Optional.empty();
    } catch (RuntimeException e) {
      String message = reason(e);
      return Optional.of(message.length() > 400 ? message.substring(0, 400) + "…" : message);
    }
  }

  /** The database's own words (disk full, read-only file), found anywhere in the cause chain. */
  static String reason(Throwable e) {
    java.util.LinkedHashSet<String> messages = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    todo.add(e);
    while (!todo.isEmpty() && seen.size() < 20) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof java.sql.SQLException || t instanceof java.io.IOException || t.getCause() == null) {
        if (t.getMessage() != null) {
          messages.add(t.getMessage());
        }
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      java.util.Collections.addAll(todo, t.getSuppressed());
      if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return messages.isEmpty() ? e.toString() : String.join("; ", messages);
  }
}
