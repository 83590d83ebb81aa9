package dev.tributary.story;

import java.util.Map;
import java.util.Set;

/**
 * What the engine keeps of an item: native stems (precise within one language), cross-script
 * keys (stems, names, numbers and mapped concepts every language shares), the keys of
 * capitalized words and numbers (the event's actors, places and figures), the title's own keys
 * and numbers, and a MinHash signature
 * of its word shingles for near-duplicate detection; {@code announcement} marks a headline about
 * an event still to come. Term weights are raw (title-boosted,
 * sub-linear tf); IDF is applied at comparison time because it drifts as the index changes.
 */
record ItemProfile(
    long itemId,
    String sourceId,
    String url,
    String language,
    long time,
    Map<String, Float> terms,
    Map<String, Float> keys,
    Map<String, Float> titleKeys,
    Set<String> names,
    Set<String> titleNumbers,
    long[] minHash,
    boolean announcement) {}
