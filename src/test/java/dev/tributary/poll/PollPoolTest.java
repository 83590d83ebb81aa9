package dev.tributary.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PollPoolTest {

  @Test
  void runsPollsOffTheCallerAndAnswersTheFallbackWhenTheQueueIsFull() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Supplier<String> blocking = () -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "polled";
    };
    try (PollPool pool = new PollPool(1, 1)) {
      CompletableFuture<String> running = pool.submit(blocking, () -> "full");
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<String> queued = pool.submit(blocking, () -> "full");
      assertThat(pool.submit(blocking, () -> "full").get(1, TimeUnit.SECONDS)).isEqualTo("full");
      assertThat(pool.backlog()).isEqualTo(2);
      release.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("polled");
      assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("polled");
    }
  }

  @Test
  void aClosedPoolAnswersTheFallback() throws Exception {
    PollPool pool = new PollPool(1, 1);
    pool.close(Duration.ofSeconds(1));
    assertThat(pool.isShutdown()).isTrue();
    assertThat(pool.submit(() -> "polled", () -> "closed").get(1, TimeUnit.SECONDS)).isEqualTo("closed");
  }
}
