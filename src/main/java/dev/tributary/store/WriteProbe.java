package dev.tributary.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

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
    LinkedHashSet<String> messages = new LinkedHashSet<>();
    ArrayDeque<Throwable> todo = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    todo.add(e);
    while (!todo.isEmpty() && seen.size() < 20) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException || t instanceof IOException || t.getCause() == null) {
        if (t.getMessage() != null) {
          messages.add(t.getMessage());
        }
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      Collections.addAll(todo, t.getSuppressed());
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return messages.isEmpty() ? e.toString() : String.join("; ", messages);
  }
}
