package dev.tributary.story;

import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Lucene's Stempel stemmer for Polish behind the Snowball interface the analysis chain uses
 * (Snowball has no Polish stemmer). A word Stempel cannot stem is kept as it is.
 */
final class PolishStemmer extends SnowballStemmer {

  private final StempelStemmer stempel = new StempelStemmer(PolishAnalyzer.getDefaultTable());

  @Override
  public boolean stem() {
    StringBuilder stemmed = stempel.stem(getCurrent());
    if (stemmed != null && stemmed.length() > 0) {
      setCurrent(stemmed.toString());
    }
    return true;
  }
}
