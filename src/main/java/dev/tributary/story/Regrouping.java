package dev.tributary.story;

import java.util.List;

/**
 * What a regrouping pass changed: {@code considered} items were re-decided and {@code moves} lists
 * those whose story changed. A negative {@code toStory} is a placeholder for a story still to be
 * created; every move with the same placeholder goes to the same new story.
 */
public record Regrouping(int considered, List<Move> moves) {

  /** Item {@code itemId} leaves {@code fromStory} for {@code toStory}, as a near-copy of {@code duplicateOf} if set. */
  public record Move(long itemId, long fromStory, long toStory, Long duplicateOf) {}
}
