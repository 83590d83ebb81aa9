package dev.tributary.poll;

import java.util.Locale;

/** What one poll of one source came to, for logs, metrics and the admin's "fetch now". */
public record PollReport(String sourceId, Result result, int added, int updated, String error) {

  public enum Result {
    FETCHED, NOT_MODIFIED, FAILED, DEFERRED, UNKNOWN;

    /** The metric tag and log word: {@code not-modified}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
