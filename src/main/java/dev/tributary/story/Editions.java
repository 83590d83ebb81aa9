package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * What readers are shown of a story: its headline and its edition. The reports are replayed in
 * the order they arrived, so the outcome is a function of the stored data alone (every replica
 * shows the same) and stays what it was as long as nothing arrives.
 *
 * <p>Edition 1 is the first report. A new edition opens when the story has grown substantially
 * since the last one opened (at least twice as many reports, and at least {@link #MIN_NEW} more),
 * or when a report brings a headline of a better kind than the one shown: the first title in the
 * reader's language where the headline was in another, or the first real headline where the
 * headline was a bare dateline, a labelled title or a sentence. A single report more changes nothing readers see.
 *
 * <p>The headline changes only when an edition opens (a reader never sees one item under two
 * titles), and then only to a better kind of title, or to a title of its kind that is clearly
 * more representative (score above {@link #MARGIN} times the shown one's plus {@link #SLACK}):
 * near ties never flip it. Representative: the title whose terms the other reports' titles and
 * leads share most, length-normalized (the centroid of the reports, as a cosine).
 */
public final class Editions {
  static final int MIN_NEW = 2;
  static final double MARGIN = 1.25;
  static final double SLACK = 0.05;
  // a report's lead is what it shares with a headline; the rest of a long text adds noise
  private static final int LEAD_TERMS = 60;
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

  private Editions() {}

  /** A report as it reads: {@code text} plain, {@code language} may be null (it is then guessed). */
  public record Report(String title, String text, String language) {}

  /**
   * {@code number} counts from 1; {@code headline} and {@code opener} (the report that opened the
   * edition) index the reports given. All three are 0, -1, -1 without reports.
   */
  public record Edition(int number, int headline, int opener) {}

  /**
   * @param arrived the story's reports in the order they arrived
   * @param readerLanguage the channel's language, or null: then the language most of the reports
   *     are in, once more than half of them are
   */
  public static Edition of(List<Report> arrived, String readerLanguage) {
    if (arrived.isEmpty()) {
      return new Edition(0, -1, -1);
    }
    Replay r = new Replay(LanguageAnalyzers.normalize(readerLanguage));
    int headline = 0;
    int number = 1;
    int opener = 0;
    int announced = 1;
    r.add(arrived.get(0));
    for (int k = 1; k < arrived.size(); k++) {
      r.add(arrived.get(k));
      int count = k + 1;
      boolean grew = count >= 2 * announced && count - announced >= MIN_NEW;
      if (grew || r.rank(k) < r.rank(headline)) {
        number++;
        announced = count;
        opener = k;
        headline = r.choose(headline, count);
      }
    }
    return new Edition(number, headline, opener);
  }

  /**
   * One reader's view of a story whose reports a regrouping changed (moved some in or out, not
   * only appended): its reports in arrival order before and after, in the reader's language (null
   * as in {@link #of}).
   */
  public record Moved(List<Report> before, List<Report> after, String readerLanguage) {}

  /**
   * The shift to add to the replayed edition numbers after a regrouping changed a story's reports,
   * given the shift it had. The replay of the reports left could headline another report under an
   * edition number readers already have (or an earlier one): a reader would see one item under two
   * titles, which the edition rule forbids. So in every view the edition shown after is the one
   * shown before when the headline reads the same, and a later one (a new edition, which readers
   * show once) when it changed; the shift never shrinks, so numbers never go back.
   */
  public static int shiftAfterMove(List<Moved> views, int shift) {
    int out = shift;
    for (Moved v : views) {
      if (v.before().isEmpty() || v.after().isEmpty()) {
        continue;
      }
      Edition was = of(v.before(), v.readerLanguage());
      Edition now = of(v.after(), v.readerLanguage());
      int shown = was.number() + shift;
      boolean same = java.util.Objects.equals(v.before().get(was.headline()).title(), v.after().get(now.headline()).title());
      out = Math.max(out, (same ? shown : shown + 1) - now.number());
    }
    return out;
  }

  /** The reports so far: each one's language, kind of title and terms, and how many share each term. */
  private static final class Replay {
    private final String wanted;
    private final List<String> languages = new ArrayList<>();
    private final List<TitleKind> kinds = new ArrayList<>();
    private final List<Set<String>> titleTerms = new ArrayList<>();
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<String, Integer> byLanguage = new HashMap<>();

    Replay(String wanted) {
      this.wanted = wanted;
    }

    void add(Report report) {
      String language = LanguageAnalyzers.normalize(report.language());
      if (language.isEmpty()) {
        language = LanguageGuess.of(report.title(), report.text());
      }
      Analyzer analyzer = ANALYZERS.forLanguage(language);
      languages.add(language);
      kinds.add(TitleKind.of(report.title(), language, analyzer));
      Set<String> title = new HashSet<>(Tokens.stems(analyzer, report.title()));
      titleTerms.add(title);
      Set<String> doc = new HashSet<>(title);
      for (Tokens.Token t : Tokens.analyze(analyzer, report.text(), LEAD_TERMS)) {
        doc.add(t.term());
      }
      doc.forEach(t -> df.merge(t, 1, Integer::sum));
      if (!language.isEmpty()) {
        byLanguage.merge(language, 1, Integer::sum);
      }
    }

    /**
     * 0 is best: a headline in the reader's language; then a labelled or run-on title in it; then
     * the same two in other languages; a bare dateline; no title.
     */
    int rank(int i) {
      TitleKind kind = kinds.get(i);
      if (kind == TitleKind.NONE || kind == TitleKind.BARE) {
        return kind == TitleKind.NONE ? 5 : 4;
      }
      String preferred = preferred();
      boolean theirs = preferred == null || preferred.equals(languages.get(i));
      return (theirs ? 0 : 2) + (kind == TitleKind.PROPER ? 0 : 1);
    }

    private String preferred() {
      if (!wanted.isEmpty()) {
        return wanted;
      }
      for (var e : byLanguage.entrySet()) {
        if (2 * e.getValue() > languages.size()) {
          return e.getKey();
        }
      }
      return null;
    }

    int choose(int shown, int count) {
      int best = shown;
      for (int i = 0; i < count; i++) {
        if (rank(i) < rank(best) || (rank(i) == rank(best) && score(i, count) > score(best, count))) {
          best = i;
        }
      }
      if (rank(best) < rank(shown) || score(best, count) > MARGIN * score(shown, count) + SLACK) {
        return best;
      }
      return shown;
    }

    /** The share of the other reports holding each title term, summed, over the root of the title's size. */
    double score(int i, int count) {
      Set<String> terms = titleTerms.get(i);
      if (terms.isEmpty() || count < 2) {
        return 0;
      }
      double shared = 0;
      for (String t : terms) {
        shared += df.get(t) - 1;
      }
      return shared / (count - 1) / Math.sqrt(terms.size());
    }
  }
}
