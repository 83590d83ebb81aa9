package dev.tributary.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A configured source and its polling state. Rows outlive their feeds.yaml entry ({@code active=false}). */
@Entity
@Table(name = "source")
public class SourceEntity extends PanacheEntityBase {
  @Id public String id;
  public String url;
  public String title;
  @Column(name = "feed_title") public String feedTitle;
  public boolean active = true;
  public String etag;
  @Column(name = "last_modified") public String lastModified;
  @Column(name = "last_fetch") public Instant lastFetch;
  @Column(name = "last_success") public Instant lastSuccess;
  @Column(name = "last_status") public Integer lastStatus;
  @Column(name = "last_error") public String lastError;
  @Column(name = "error_kind") public String errorKind;
  @Column(name = "next_fetch") public Instant nextFetch;
  @Column(name = "consecutive_failures") public int consecutiveFailures;
  @Column(name = "interval_seconds") public Long intervalSeconds;
  @Column(name = "last_change") public Instant lastChange;
  @Column(name = "parked_reason") public String parkedReason;
  @Column(name = "permanent_redirect") public String permanentRedirect;
  public long revision;
  @Column(name = "mean_change_seconds") public Long meanChangeSeconds;
  @Column(name = "ttl_minutes") public Integer ttlMinutes;
  @Column(name = "last_seen") public Integer lastSeen;
  @Column(name = "last_new") public Integer lastNew;
}
