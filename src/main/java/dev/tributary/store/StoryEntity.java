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

/** A story: the reports of one event. {@code publicId} is what readers see and never changes. */
@Entity
@Table(name = "story")
public class StoryEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "story_seq")
  @SequenceGenerator(name = "story_seq", sequenceName = "story_seq", allocationSize = 50)
  public Long id;

  @Column(name = "public_id") public String publicId;
  public String title;
  public String link;
  public Instant created;
  public Instant updated;
  @Column(name = "item_count") public int itemCount;
  @Column(name = "merged_into") public Long mergedInto;
  public long revision;
  /** Publication time of the report that gives the story its title and link. */
  @Column(name = "lead_published") public Instant leadPublished;
  /** Editions regroupings added to the replayed ones (see Editions.shiftAfterMove), and when the last was. */
  @Column(name = "edition_shift") public int editionShift;
  @Column(name = "edition_shifted_at") public Instant editionShiftedAt;
}
