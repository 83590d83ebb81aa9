package dev.tributary.ingest;

import dev.tributary.store.AssignmentLock;
import dev.tributary.store.ItemMove;
import dev.tributary.store.StoryMoves;
import dev.tributary.story.Regrouping;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Asks the story engine to regroup what arrived out of order and has the store apply the moves,
 * under the same locks as ingestion.
 */
@ApplicationScoped
public class StoryRegrouper {
  private static final Logger LOG = Logger.getLogger(StoryRegrouper.class);

  @Inject StoryEngine engine;
  @Inject AssignmentLock lock;
  @Inject StoryIndexLoader index;
  @Inject StoryMoves moves;
  @Inject InstantSource clock;

  /** Counts of one regrouping: items re-decided, items moved, stories created and merged away. */
  public record Report(int considered, int moved, int created, int merged) {}

  // set from the moment the engine regroups until the database holds the outcome
  private volatile boolean applying;

  /** Whether items arrived out of order since the last regrouping, or one is being stored. */
  public boolean due() {
    return applying || engine.regroupDueFrom().isPresent();
  }

  public Report regroup(int maxItems) {
    lock.lockLocal();
    applying = true;
    try {
      Report r = QuarkusTransaction.requiringNew().call(() -> regroupInTransaction(maxItems));
      if (r.moved() > 0) {
        LOG.infof("stories regrouped considered=%d moved=%d created=%d merged=%d",
            r.considered(), r.moved(), r.created(), r.merged());
      }
      return r;
    } catch (RuntimeException e) {
      // the engine already holds the outcome the database refused: rebuild it from the truth
      LOG.errorf(e, "regrouping failed; story index rebuilt");
      index.rebuild();
      throw e;
    } finally {
      applying = false;
      lock.unlockLocal();
    }
  }

  private Report regroupInTransaction(int maxItems) {
    lock.acquire();
    index.catchUp();
    OptionalLong from = engine.regroupDueFrom();
    if (from.isEmpty()) {
      return new Report(0, 0, 0, 0);
    }
    Regrouping plan = engine.regroup(from.getAsLong(), maxItems);
    if (plan.moves().isEmpty()) {
      return new Report(plan.considered(), 0, 0, 0);
    }
    List<ItemMove> itemMoves = plan.moves().stream()
        .map(m -> new ItemMove(m.itemId(), m.fromStory(), m.toStory(), m.duplicateOf()))
        .toList();
    StoryMoves.Applied applied = moves.apply(itemMoves, clock.instant());
    applied.placed().forEach(engine::placed);
    return new Report(plan.considered(), plan.moves().size(), applied.placed().size(), applied.merged());
  }
}
