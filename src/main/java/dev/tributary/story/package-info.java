/**
 * Stories: near-duplicate detection and online multilingual story clustering.
 *
 * <p>{@link dev.tributary.story.ClusteringStoryEngine} is the engine; construct it with
 * {@code new ClusteringStoryEngine(config)} (the service builds the {@code StoryConfig} from its settings) and call it as {@link
 * dev.tributary.story.StoryEngine} documents: under the assignment lock, {@code assign} then
 * persist then {@code indexed(item, storyId)}; at start-up {@code clear()} then {@code indexed}
 * for the stored items of the last {@code statsHorizon} (30 days by default), oldest first.
 *
 * <p>How an item is compared: each language's Lucene chain (ICU tokenizer, stop words, Snowball
 * stemmer, ICU folding) gives native stems; every stem also gets a cross-script key
 * (ICU Any-Latin; Latin-ASCII, then a consonant skeleton) or, for words listed in {@code
 * terms.txt}, a concept key, so Алиев/Aliyev/ალიევი and Грузия/Georgia meet. Candidates come from
 * a day-sliced inverted index over the keys, restricted to the time window; MinHash over word
 * shingles marks near-copies; otherwise the best story by TF-IDF cosine (native stems within a
 * language, keys across languages, titles apart), tempered by the mean over the story's close
 * reports, by time distance, by an announcement-versus-event check and by the story already
 * holding a report of the same outlet. That last penalty fades for a source whose items keep
 * matching its own earlier ones (a headline aggregator, a one-feed stream), which {@code StoryDecision}
 * learns per source as items arrive or are reloaded.
 */
package dev.tributary.story;
