package dev.tributary.story;

import java.util.function.Consumer;

/**
 * What the engine keeps of an item: native stems (precise within one language), cross-script
 * keys (stems, names, numbers and mapped concepts every language shares), the keys of
 * capitalized words and numbers (the event's actors, places and figures), the title's own keys,
 * and a MinHash signature
 * of its word shingles for near-duplicate detection; {@code announcement} marks a headline about
 * an event still to come. Term weights are raw (title-boosted,
 * sub-linear tf); IDF is applied at comparison time because it drifts as the index changes.
 *
 * <p>Terms are ids of the engine's {@link Vocabulary} and {@code names} a sorted id array: the
 * index holds up to a hundred thousand profiles, so they stay primitive, and {@code minHash} is
 * the signature's {@link MinHash#compact compact} form.
 * {@code headlineNames} (sorted ids) those of the title's names the text confirms (see {@link Analysis}).
 * {@code dated} when the feed gave the item's time; {@code cased} when its text has capitals at
 * all (see {@link Analysis}); {@code ledeTitle} when the text's opening stands in for the title in
 * {@code titleKeys}; {@code streets} the streets an English report names ({@link Streets}).
 * {@code places} and {@code placeKeys} (sorted ids) are the places of the
 * opening and the place keys of the whole text ({@link PlaceKeys}); {@code agent} the key of the
 * headline's actor, if any (see {@link Analysis}).
 */
record ItemProfile(
    long itemId,
    String sourceId,
    String url,
    String language,
    long time,
    TermVector terms,
    TermVector keys,
    TermVector titleKeys,
    int[] names,
    int[] headlineNames,
    char[] minHash,
    boolean announcement,
    int leadDate,
    boolean dated,
    boolean cased,
    boolean ledeTitle,
    int[] streets,
    int[] places,
    int[] placeKeys,
    int[] agent) {

  /** The same profile without its URL, which the index keeps as a hash instead. */
  ItemProfile withoutUrl() {
    return new ItemProfile(itemId, sourceId, null, language, time, terms, keys, titleKeys, names, headlineNames, minHash, announcement, leadDate, dated, cased, ledeTitle, streets, places, placeKeys, agent);
  }

  /** The same profile for the stored item's id. */
  ItemProfile withItemId(long id) {
    return new ItemProfile(id, sourceId, url, language, time, terms, keys, titleKeys, names, headlineNames, minHash, announcement, leadDate, dated, cased, ledeTitle, streets, places, placeKeys, agent);
  }

  /** Every id the profile holds, for the vocabulary's reference counts. */
  void forEachIdArray(Consumer<int[]> action) {
    action.accept(terms.ids());
    action.accept(keys.ids());
    action.accept(titleKeys.ids());
    action.accept(names);
    action.accept(headlineNames);
    action.accept(places);
    action.accept(placeKeys);
    action.accept(agent);
  }
}
