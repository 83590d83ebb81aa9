package dev.tributary.poll;

/** What one poll of one source came to, for logs, tests and the admin's "fetch now". */
public record PollReport(String sourceId, String result, int added, int updated, String error) {}
