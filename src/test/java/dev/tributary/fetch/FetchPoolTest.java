package dev.tributary.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FetchPoolTest {
  static final FetchRequest REQ = FetchRequest.unconditional(URI.create("http://feeds.example.com/rss"));

  @Test
  void runsFetchesOffTheCallerAndDefersWhenTheQueueIsFull() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FeedFetcher blocking = request -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new FetchResult.NotModified(request.url(), null, null, CacheHints.NONE);
    };
    try (FetchPool pool = new FetchPool(blocking, 1, 1)) {
      CompletableFuture<FetchResult> running = pool.submit(REQ);
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<FetchResult> queued = pool.submit(REQ);
      FetchResult overflow = pool.submit(REQ).get(1, TimeUnit.SECONDS);
      assertThat(overflow).isInstanceOf(FetchResult.Failed.class);
      assertThat(((FetchResult.Failed) overflow).kind()).isEqualTo(FailureKind.DEFERRED);
      assertThat(pool.backlog()).isEqualTo(2);
      release.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(FetchResult.NotModified.class);
      assertThat(queued.get(10, TimeUnit.SECONDS)).isInstanceOf(FetchResult.NotModified.class);
    }
  }
}
