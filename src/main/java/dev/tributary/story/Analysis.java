package dev.tributary.story;

import java.util.Map;
import java.util.Set;

/**
 * An item's analysis before its strings become ids of an engine's {@link Vocabulary}: what
 * {@link ProfileBuilder} computes from the text and {@link AnalysisCodec} keeps beside the stored
 * item, so another replica (or a restart) indexes the item without analysing its text again.
 * Maps keep the order they were filled in, so a decoded analysis hands the vocabulary its strings
 * in the same order as the fresh one did. {@code cased} when some word of the text is capitalized:
 * in a script without case (Georgian, Arabic) or a text written all in lower case no capital marks
 * a name, so its names hold its numbers alone and are no names to compare. {@code headlineNames}
 * are the names the title gives that the report's own text also capitalizes, empty when the title
 * names too few to judge by or is a dateline, a byline or an opening sentence ({@link ProfileBuilder#headlineNames}).
 * {@code ledeTitle} when the title is a bare dateline or byline, or one ingestion cut from the
 * text ({@link DerivedTitle}), so that the text's opening stands in for it in {@code titleKeys}
 * ({@link ProfileBuilder#ledeStandsIn}). {@code streets} are the streets an English report names, as
 * hashes ({@link Streets}).
 * {@code agent} is the key of the first name of a Russian, Ukrainian or Belarusian headline that the
 * text also capitalizes, the headline's actor ({@link ProfileBuilder#agent}), empty when there is none.
 * {@code places} are the places a Russian, Ukrainian or
 * Belarusian report's opening names by adjective or after a locative preposition, {@code placeKeys}
 * the place keys of its whole text ({@link PlaceKeys}); empty for other languages.
 */
record Analysis(
    String language,
    long time,
    Map<String, Float> terms,
    Map<String, Float> keys,
    Map<String, Float> titleKeys,
    Set<String> names,
    Set<String> headlineNames,
    int[] minHash,
    boolean announcement,
    int leadDate,
    boolean dated,
    boolean cased,
    boolean ledeTitle,
    int[] streets,
    Set<String> places,
    Set<String> placeKeys,
    Set<String> agent) {

  /** The profile of the item with this analysis; its strings become ids of {@code vocabulary}. */
  ItemProfile profile(long itemId, String sourceId, String url, Vocabulary vocabulary) {
    return new ItemProfile(
        itemId,
        vocabulary.canonical(sourceId),
        url,
        vocabulary.canonical(language),
        time,
        TermVector.of(terms, vocabulary),
        TermVector.of(keys, vocabulary),
        TermVector.of(titleKeys, vocabulary),
        TermVector.ids(names, vocabulary),
        TermVector.ids(headlineNames, vocabulary),
        MinHash.compact(minHash),
        announcement,
        leadDate,
        dated,
        cased,
        ledeTitle,
        streets,
        TermVector.ids(places, vocabulary),
        TermVector.ids(placeKeys, vocabulary),
        TermVector.ids(agent, vocabulary));
  }
}
