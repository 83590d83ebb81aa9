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
 * Asks the story engine to regroup what arrived out of order and has the store apply the moves.
 * The regrouping is computed in memory without the cluster-wide assignment lock (other replicas
 * keep ingesting); only applying the moves takes it, briefly, re-checking each move against what
 * was stored meanwhile. Within this replica the engine is busy while it computes, so local
 * assignment waits for that part. The moves land in one transaction: a reader sees the stories
 * before or after, never a story missing, and each story keeps its id (the part that keeps most of
 * a story's reports keeps the story; an emptied one points to where its reports went).
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
      // decide with what other replicas stored, read without the cluster-wide lock
      QuarkusTransaction.requiringNew().run(index::catchUp);
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
      StoryMoves.Applied applied = QuarkusTransaction.requiringNew().call(() -> apply(itemMoves));
      if (applied.stale() > 0) {
        // another replica moved some of these items meanwhile: the database has the last word
        LOG.infof("regrouping met concurrent moves stale=%d; story index rebuilt", applied.stale());
        index.rebuild();
      }
      Report r = new Report(plan.considered(), itemMoves.size() - applied.stale(), applied.placed().size(),
          applied.merged());
      LOG.infof("stories regrouped considered=%d moved=%d created=%d merged=%d",
          r.considered(), r.moved(), r.created(), r.merged());
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

  /**
   * The brief locked part: what other replicas stored since the plan was computed (so the engine
   * follows their moves too), then the moves, checked against what is stored now. The catch-up
   * comes first: it clears the persistence context, which would drop the moves' pending updates.
   */
  private StoryMoves.Applied apply(List<ItemMove> itemMoves) {
    lock.acquire();
    index.catchUp();
    StoryMoves.Applied applied = moves.apply(itemMoves, clock.instant());
    applied.placed().forEach(engine::placed);
    return applied;
  }
}
