package dev.tributary.poll;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded pool polls run on, apart from the threads that serve HTTP. Polls block on the
 * network with mostly idle waits, so threads well above the core count pay off. A full queue
 * answers at once with the caller's fallback rather than piling up work.
 */
public final class PollPool implements AutoCloseable {
  private final ThreadPoolExecutor executor;

  public PollPool(int threads, int queueCapacity) {
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(Math.max(1, queueCapacity)), r -> {
          Thread t = new Thread(r, "tributary-fetch-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.executor.allowCoreThreadTimeOut(true);
  }

  /** Runs the task on the pool, or answers {@code whenFull} at once when the queue is full or closed. */
  public <T> CompletableFuture<T> submit(Supplier<T> task, Supplier<T> whenFull) {
    try {
      return CompletableFuture.supplyAsync(task, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(whenFull.get());
    }
  }

  /** Polls queued or running; the scheduler claims fewer due sources while this is high. */
  public int backlog() {
    return executor.getQueue().size() + executor.getActiveCount();
  }

  public boolean isShutdown() {
    return executor.isShutdown();
  }

  /** Lets running polls finish for up to {@code grace}, then interrupts what is left. */
  public void close(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
