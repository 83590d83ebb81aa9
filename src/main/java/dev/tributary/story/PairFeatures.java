package dev.tributary.story;

/**
 * How two items compare: cosine of their native-stem and cross-script-key TF-IDF vectors, the
 * share of named entities and numbers they have in common, their distance in hours, and whether
 * they share a source or a language; {@code copy} is the estimated shingle Jaccard; {@code phaseDiffers} when one announces what the
 * other reports.
 */
record PairFeatures(
    double terms, double keys, double names, double hours, boolean sameSource, boolean sameLanguage,
    double copy, boolean phaseDiffers) {}
