package dev.tributary.store;

import java.time.Instant;

/**
 * The outcome of one poll, as stored on the source, with the schedule that follows from it.
 * {@code error} null means success; {@code validators} replace the stored ones only on a success
 * that brought some.
 */
public record FetchRecord(Instant at, Integer status, String error, String errorKind, Validators validators,
    String feedTitle, String permanentRedirect, Schedule next) {}
