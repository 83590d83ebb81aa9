package dev.tributary.store;

/**
 * One report moving between stories. A negative {@code toStory} names a story still to be
 * created: every move with the same negative number goes to the same new story.
 */
public record ItemMove(long itemId, long fromStory, long toStory, Long duplicateOf) {}
