package dev.tributary.ingest;

import dev.tributary.store.AssignmentLock;
import dev.tributary.store.ItemMove;
import dev.tributary.store.StoryMoves;
import dev.tributary.store.StoryQueries;
import dev.tributary.store.StoryView;
import dev.tributary.story.RegroupPlan;
import dev.tributary.story.Regrouping;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Asks the story engine to regroup what arrived out of order and has the store apply the moves.
 * The regrouping is computed on a copy of the engine's index, without the cluster-wide assignment
 * lock and without this replica's: ingestion goes on everywhere meanwhile. Only applying the moves
 * takes both, briefly; the engine leaves out the moves that what was assigned meanwhile puts in
 * doubt, and the store those of items another replica moved. The moves land in one transaction:
 * a reader sees the stories before or after, never a story missing, and each story keeps its id
 * (the part that keeps most of a story's reports keeps the story; an emptied one points to where
 * its reports went).
 */
@ApplicationScoped
public class StoryRegrouper {
  private static final Logger LOG = Logger.getLogger(StoryRegrouper.class);

  @Inject StoryEngine engine;
  @Inject AssignmentLock lock;
  @Inject StoryIndexLoader index;
  @Inject StoryMoves moves;
  @Inject InstantSource clock;
  @Inject StoryQueries stories;
  @Inject EditionKeeper editions;

  /** Counts of one regrouping: items re-decided, items moved, stories created and merged away. */
  public record Report(int considered, int moved, int created, int merged) {}

  // set from the moment a regrouping is taken until the database holds the outcome
  private volatile boolean applying;
  // one regrouping at a time: a second plan would supersede the first
  private final ReentrantLock running = new ReentrantLock();

  /** Whether items arrived out of order since the last regrouping, or one is being computed or stored. */
  public boolean due() {
    // nothing to regroup before the index holds the stored reports (and the engine is built then)
    return applying || index.loaded() && engine.regroupDueFrom().isPresent();
  }

  public Report regroup(int maxItems) {
    running.lock();
    try {
      RegroupPlan plan = plan(maxItems);
      if (plan == null) {
        return new Report(0, 0, 0, 0);
      }
      // the long part: on the engine's copy, while this replica and the others go on assigning
      Regrouping computed;
      try {
        computed = engine.computeRegroup(plan);
      } catch (RuntimeException e) {
        // the engine's own index is untouched; the span stays due for the next try
        engine.regroupFailed(plan);
        throw e;
      }
      return apply(plan, computed);
    } finally {
      applying = false;
      running.unlock();
    }
  }

  // the plan on what this replica and the others stored so far (the catch-up reads without the cluster-wide lock)
  private RegroupPlan plan(int maxItems) {
    lock.lockLocal();
    try {
      QuarkusTransaction.requiringNew().run(index::catchUp);
      OptionalLong from = engine.regroupDueFrom();
      if (from.isEmpty()) {
        return null;
      }
      applying = true;
      return engine.planRegroup(from.getAsLong(), maxItems);
    } finally {
      lock.unlockLocal();
    }
  }

  private Report apply(RegroupPlan plan, Regrouping computed) {
    lock.lockLocal();
    try {
      Regrouping[] kept = new Regrouping[1];
      StoryMoves.Applied applied = QuarkusTransaction.requiringNew().call(() -> applyLocked(plan, kept));
      Regrouping r = kept[0];
      if (r.moves().isEmpty()) {
        return new Report(r.considered(), 0, 0, 0);
      }
      if (applied.stale() > 0) {
        // another replica moved some of these items meanwhile: the database has the last word
        LOG.infof("regrouping met concurrent moves stale=%d; story index rebuilt", applied.stale());
        index.rebuild();
      }
      Report report = new Report(r.considered(), r.moves().size() - applied.stale(), applied.placed().size(),
          applied.merged());
      LOG.infof("stories regrouped considered=%d moved=%d created=%d merged=%d left=%d",
          report.considered(), report.moved(), report.created(), report.merged(),
          computed.moves().size() - r.moves().size());
      return report;
    } catch (RuntimeException e) {
      // the engine already holds the outcome the database refused: rebuild it from the truth
      LOG.errorf(e, "regrouping failed; story index rebuilt");
      index.rebuild();
      throw e;
    } finally {
      lock.unlockLocal();
    }
  }

  /**
   * The brief locked part: what other replicas stored since the plan was taken (so the engine
   * checks the plan against their moves too), the moves that still hold, then the store's check of
   * each against what is stored now. The catch-up comes first: it clears the persistence context,
   * which would drop the moves' pending updates.
   */
  private StoryMoves.Applied applyLocked(RegroupPlan plan, Regrouping[] kept) {
    lock.acquire();
    index.catchUp();
    Regrouping r = engine.applyRegroup(plan);
    kept[0] = r;
    if (r.moves().isEmpty()) {
      return StoryMoves.Applied.none();
    }
    List<ItemMove> itemMoves = r.moves().stream()
        .map(m -> new ItemMove(m.itemId(), m.fromStory(), m.toStory(), m.duplicateOf()))
        .toList();
    Set<Long> changed = new HashSet<>();
    for (Regrouping.Move m : r.moves()) {
      changed.add(m.fromStory());
      if (m.toStory() > 0) {
        changed.add(m.toStory());
      }
    }
    Instant now = clock.instant();
    Map<Long, StoryView> before = stories.withAllReports(changed);
    StoryMoves.Applied applied = moves.apply(itemMoves, now);
    moves.shiftEditions(editions.shifts(before, stories.withAllReports(changed)), now);
    applied.placed().forEach(engine::placed);
    // last: it locks the sources' rows, which polls wait for, until the commit
    moves.sourcesChanged(applied);
    return applied;
  }
}
