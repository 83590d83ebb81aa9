package dev.tributary.story;

import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Lucene's Stempel stemmer for Polish behind the Snowball interface the analysis chain uses
 * (Snowball has no Polish stemmer), its stem then cut to its first {@link #PREFIX} letters. A word
 * Stempel cannot stem is kept as it is before the cut. Stempel's table stems a word it has not seen
 * (a name, a new compound) by the rules of one it has, so the cases of one name or word often reach
 * it as different stems (koronawirusa, koronawirusem; Morawieckiego, Morawiecki); Polish inflects by
 * its endings, and the first six letters of the stem keep the forms of one word together, as a
 * truncating stemmer does, at the cost of some longer words sharing a stem (minister, ministerstwo).
 */
final class PolishStemmer extends SnowballStemmer {

  /** Letters of the stem kept. */
  static final int PREFIX = 6;

  private final StempelStemmer stempel = new StempelStemmer(PolishAnalyzer.getDefaultTable());

  @Override
  public boolean stem() {
    StringBuilder stemmed = stempel.stem(getCurrent());
    String stem = stemmed != null && stemmed.length() > 0 ? stemmed.toString() : getCurrent();
    setCurrent(stem.length() > PREFIX ? stem.substring(0, PREFIX) : stem);
    return true;
  }
}
