package dev.tributary.store;

import java.time.Instant;
import java.util.List;

/** A story with the reports a channel shows of it, oldest report first. */
public record StoryView(
    long id, String publicId, String title, String link, Instant created, Instant updated, List<ReportView> items) {}
