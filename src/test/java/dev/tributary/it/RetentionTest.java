package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.Hashes;
import dev.tributary.store.ItemEntity;
import dev.tributary.poll.RetentionJob;
import dev.tributary.store.StoryEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Retention counts from when a report was stored, and drops whole stories only. */
@QuarkusTest
class RetentionTest {
  @Inject RetentionJob retention;

  @Test
  void dropsStoriesIdleSinceTheCutoffAndKeepsLivingOnes() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant old = now.minus(Duration.ofDays(40));
    long dead = QuarkusTransaction.requiringNew().call(() -> story("ret-dead", old, old, old));
    // Published long ago but stored today: an archive the service just fetched.
    long archive = QuarkusTransaction.requiringNew().call(() -> story("ret-archive", old, old, now));
    long alive = QuarkusTransaction.requiringNew().call(() -> {
      long id = story("ret-alive", old, old, old);
      item(id, "ret-alive-2", old, now); // a report that joined today
      return id;
    });

    int dropped = retention.purge(Duration.ofDays(30));

    assertThat(dropped).isGreaterThanOrEqualTo(1);
    QuarkusTransaction.requiringNew().run(() -> {
      assertThat(StoryEntity.<StoryEntity>findById(dead)).isNull();
      assertThat(ItemEntity.count("storyId", dead)).isZero();
      assertThat(StoryEntity.<StoryEntity>findById(archive)).isNotNull();
      assertThat(StoryEntity.<StoryEntity>findById(alive)).isNotNull();
      assertThat(ItemEntity.count("storyId", alive)).isEqualTo(2);
    });
    assertThat(retention.purge(Duration.ZERO)).as("0 keeps everything").isZero();
  }

  private static long story(String guid, Instant published, Instant updated, Instant stored) {
    StoryEntity s = new StoryEntity();
    s.publicId = Hashes.token("mirror", guid);
    s.title = guid;
    s.created = stored;
    s.updated = updated;
    s.itemCount = 1;
    s.persist();
    item(s.id, guid, published, stored);
    return s.id;
  }

  private static void item(long storyId, String guid, Instant published, Instant stored) {
    ItemEntity i = new ItemEntity();
    i.sourceId = "mirror";
    i.storyId = storyId;
    i.guid = guid;
    i.guidHash = Hashes.key(guid).bytes();
    i.title = guid;
    i.contentHash = Hashes.key(guid).bytes();
    i.published = published;
    i.firstSeen = stored;
    i.persist();
  }
}
