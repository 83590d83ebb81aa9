package dev.tributary.poll;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The sources this replica has claimed and not finished, each with the end of its lease as last
 * written to the database: queued for a fetch thread, or running. The heartbeat renews what is
 * held; a draining replica hands back what has not started, and at the end whatever is left.
 */
final class ClaimBook {
  private enum Phase { QUEUED, RUNNING }

  private static final class Claim {
    Phase phase = Phase.QUEUED;
    Instant until;

    Claim(Instant until) {
      this.until = until;
    }
  }

  private final Map<String, Claim> claims = new HashMap<>();

  /**
   * False when the source is held already: claimed again after its lease lapsed while its fetch
   * still runs here; that fetch now holds the new lease.
   */
  synchronized boolean add(String id, Instant until) {
    Claim held = claims.get(id);
    if (held != null) {
      held.until = until;
      return false;
    }
    claims.put(id, new Claim(until));
    return true;
  }

  /** A fetch thread takes the claim; false when it was handed back while queued. */
  synchronized boolean start(String id) {
    Claim c = claims.get(id);
    if (c == null) {
      return false;
    }
    c.phase = Phase.RUNNING;
    return true;
  }

  synchronized void finish(String id) {
    claims.remove(id);
  }

  synchronized int size() {
    return claims.size();
  }

  /** Each held source with the lease end the database should still show for it. */
  synchronized Map<String, Instant> held() {
    Map<String, Instant> out = new HashMap<>();
    claims.forEach((id, c) -> out.put(id, c.until));
    return out;
  }

  synchronized void renewed(Set<String> ids, Instant until) {
    for (String id : ids) {
      Claim c = claims.get(id);
      if (c != null) {
        c.until = until;
      }
    }
  }

  /** Forgets the claims no thread has started, and returns them to be handed back. */
  synchronized Map<String, Instant> dropQueued() {
    Map<String, Instant> out = new HashMap<>();
    for (Iterator<Map.Entry<String, Claim>> it = claims.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Claim> e = it.next();
      if (e.getValue().phase == Phase.QUEUED) {
        out.put(e.getKey(), e.getValue().until);
        it.remove();
      }
    }
    return out;
  }

  /** Forgets every claim, running ones too (their fetches are abandoned), and returns them. */
  synchronized Map<String, Instant> dropAll() {
    Map<String, Instant> out = held();
    claims.clear();
    return out;
  }
}
