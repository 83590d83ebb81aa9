package dev.tributary.store;

import java.util.List;

/** One page of stories, newest first; {@code next} is the cursor of the following page or null. */
public record StoryPage(List<StoryView> stories, String next) {}
