package dev.tributary.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One report from one source, in exactly one story. Its hash columns hold {@link HashKey#bytes()}. */
@Entity
@Table(name = "item")
public class ItemEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_seq")
  @SequenceGenerator(name = "item_seq", sequenceName = "item_seq", allocationSize = 50)
  public Long id;

  @Column(name = "source_id") public String sourceId;
  @Column(name = "story_id") public Long storyId;
  public String guid;
  @Column(name = "guid_hash") public byte[] guidHash;
  public String url;
  @Column(name = "url_hash") public byte[] urlHash;
  public String title;
  public String summary;
  @Column(name = "content_hash") public byte[] contentHash;
  public String author;
  public String language;
  public Instant published;
  public Instant updated;
  @Column(name = "first_seen") public Instant firstSeen;
  @Column(name = "duplicate_of") public Long duplicateOf;
  @Column(name = "image_url") public String imageUrl;
  /** Assignment order across replicas, stamped under the assignment lock. */
  public Long seq;
  /**
   * Version of the story engine's analysis stored beside the report (column {@code analysis},
   * read only by the story index, so no entity field): null once the content changed.
   */
  @Column(name = "analysis_version") public Integer analysisVersion;
}
