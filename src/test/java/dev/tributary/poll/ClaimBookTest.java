package dev.tributary.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimBookTest {
  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void drainingHandsBackOnlyWhatNoThreadHasStarted() {
    ClaimBook book = new ClaimBook();
    book.add("running", T);
    book.add("queued", T);
    assertThat(book.start("running")).isTrue();

    assertThat(book.dropQueued()).isEqualTo(Map.of("queued", T));
    assertThat(book.start("queued")).as("a handed-back claim is never fetched").isFalse();
    assertThat(book.held()).isEqualTo(Map.of("running", T));
  }

  @Test
  void theHeartbeatMovesTheLeaseEndOfWhatItRenewed() {
    ClaimBook book = new ClaimBook();
    book.add("a", T);
    book.add("b", T);
    book.renewed(Set.of("a", "gone"), T.plusSeconds(5));
    assertThat(book.held()).isEqualTo(Map.of("a", T.plusSeconds(5), "b", T));
  }

  @Test
  void aSourceClaimedAgainWhileItsFetchRunsIsNotStartedTwiceAndHoldsTheNewLease() {
    ClaimBook book = new ClaimBook();
    book.add("a", T);
    book.start("a");
    assertThat(book.add("a", T.plusSeconds(30))).isFalse();
    assertThat(book.held()).isEqualTo(Map.of("a", T.plusSeconds(30)));
  }

  @Test
  void finishedClaimsAreForgottenAndTheRestHandedBackAtTheEnd() {
    ClaimBook book = new ClaimBook();
    book.add("done", T);
    book.add("stuck", T);
    book.start("done");
    book.start("stuck");
    book.finish("done");
    assertThat(book.size()).isEqualTo(1);
    assertThat(book.dropAll()).isEqualTo(Map.of("stuck", T));
    assertThat(book.size()).isZero();
  }
}
