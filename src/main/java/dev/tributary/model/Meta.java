package dev.tributary.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a document was read: its format version ({@code rss20}, {@code atom10}, {@code json11}, …
 * or empty), the charset used to decode it, and whether it had to be repaired.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Meta(
    String version,
    String encoding,
    boolean bozo,
    @JsonProperty("bozo_reason") String bozoReason) {}
