package dev.tributary.parse;

/** Bytes + headers + URL to the normalized model. Pure: no I/O, no clock, thread-safe. */
public interface FeedParser {
  ParseResult parse(FeedDocument document);
}
