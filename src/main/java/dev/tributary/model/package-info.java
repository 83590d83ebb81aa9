/**
 * The normalized feed model: what every format is read into (see normalized-feed.md). Pure
 * records, shared by parse, sanitize, store and web; serialized as-is by {@code /api/preview}.
 */
package dev.tributary.model;
