package dev.tributary.story;

import java.time.Duration;

/**
 * Tuning of {@link ClusteringStoryEngine}. The service builds it from its settings
 * ({@code tributary.stories.clustering.*}), which hold the one set of defaults and the
 * measurements behind them.
 *
 * @param window how far apart in time two reports of one story may be
 * @param statsHorizon how far back (by storage time) stored items are reloaded into the index at start-up
 * @param joinThreshold minimum story score (from the pair model's same-story probabilities) for an
 *     item to join a story
 * @param duplicateThreshold minimum estimated shingle Jaccard for a near-copy
 * @param meanShare share of the mean (against the best) similarity to a story's candidate reports
 * @param supportShare how far a story's second most similar report, at least {@code supportFloor},
 *     raises its score: the score is at least {@code 1 - (1 - best) * (1 - supportShare * second)};
 *     0 for the best and mean alone
 * @param supportFloor the least pair score of the second report that supports a story
 * @param titleWeight weight of a title word against a body word
 * @param nameWeight weight of capitalized words and numbers among cross-script keys
 * @param maxTokens words analyzed per title or body (the opening carries the event)
 * @param queryKeys rarest keys of a new item used to look up candidates
 * @param maxCandidates candidates scored in full per new item
 * @param maxPostings postings read per lookup, rarest keys first (bounds the work however many
 *     items a window holds)
 * @param sourceRepeatRate share of a source's items that match an earlier item of the same source
 *     (pair score at least the join threshold) at which the same-source penalty ({@link StoryModel})
 *     is lifted in full;
 *     it fades in from half this share. Outlets stay well below it; a headline aggregator or a
 *     single-feed stream, where every story arrives through one source, is far above. 0 never
 *     penalizes, above 2 always does
 * @param headlineMixture whether headline-only items are decided by {@link HeadlineMixture} (off
 *     only to compare with the similarity threshold alone)
 * @param mixtureAlpha prior weight of a new headline story per headline seen, in the mixture
 * @param refinePasses passes of a regrouping after the one in publication order, each
 *     re-deciding every item of the span with all the others placed
 */
public record StoryConfig(
    Duration window,
    Duration statsHorizon,
    double joinThreshold,
    double duplicateThreshold,
    double meanShare,
    float titleWeight,
    float nameWeight,
    int maxTokens,
    int queryKeys,
    int maxCandidates,
    int maxPostings,
    double sourceRepeatRate,
    boolean headlineMixture,
    double mixtureAlpha,
    int refinePasses,
    double supportShare,
    double supportFloor) {
}
