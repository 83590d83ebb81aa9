package dev.tributary.story;

/**
 * How two items compare: cosine of their native-stem and cross-script-key TF-IDF vectors, the
 * cosine of their titles' keys, the share of named entities and numbers they have in common, and
 * whether they share a source or a language; {@code copy} is the estimated shingle Jaccard;
 * {@code phaseDiffers} when one announces what the other reports; {@code brief} when either is
 * little more than a headline; {@code datesDiffer} when the openings' first dates are more than a
 * day apart ({@link LeadDate}); {@code headlineMissing} the larger share, of either headline's
 * names, that the other report does not name (within one language, 0 when neither headline names
 * enough to judge by); {@code ledeTitle} when either side's title keys are its text's opening;
 * {@code sharedStreet} when both name one street ({@link Streets});
 * {@code placeClash} when both (one language) name places in their openings and neither's is
 * anywhere in the other ({@link PlaceKeys#clash}); {@code agentClash} when both (one language,
 * neither a headline alone) have a headline actor and neither report names the other's anywhere
 * ({@link ProfileBuilder#agent}): one claim or one kind of measure from two bodies; {@code rareName} when both give a name or figure
 * few indexed reports give ({@link PairScorer#sharesRareName}), from two sources; {@code oneNameAcross} when
 * two reports in two languages, each naming two names or more, have exactly one in common
 * ({@link PairScorer#oneNameAcross}).
 */
record PairFeatures(
    double terms, double keys, double title, double names, boolean sameSource, boolean sameLanguage,
    double copy, boolean phaseDiffers, boolean brief, boolean datesDiffer,
    double headlineMissing, boolean ledeTitle,
    boolean sharedStreet, boolean placeClash, boolean agentClash, boolean rareName,
    boolean oneNameAcross) {}
