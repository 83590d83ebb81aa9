package dev.tributary.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import com.ibm.icu.text.Transliterator;

/**
 * Turns a stemmed term of any script into a language-neutral key, so that Алиев, Aliyev and
 * ალიევი, or парламент and parliament, meet. Transliteration (ICU Any-Latin; Latin-ASCII) gets
 * every script to ASCII; a consonant skeleton then absorbs the romanization differences that
 * remain (Pashinyan/Pasinan, Trump/Tramp, Bayramov/Bajramov): vowels and glides dropped after the
 * first letter, the usual digraphs collapsed. Numbers keep their digits.
 */
final class CrossScriptKeys {

  private static final int MAX_KEY = 6;
  // a term and its key, two short strings and a map node: about 150 bytes; 3% of a 256 MB heap is ~54k
  private static final int CACHE_LIMIT = HeapShare.entries(0.03, 150, 20_000, 200_000);

  private final Analyzer transliterate =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new KeywordTokenizer();
          TokenStream s =
              new ICUTransformFilter(source, Transliterator.getInstance("Any-Latin; Latin-ASCII"));
          return new TokenStreamComponents(source, s);
        }
      };

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** The key of a stemmed, folded term; null when nothing usable remains. */
  String key(String term) {
    String cached = cache.get(term);
    if (cached != null) {
      return cached.isEmpty() ? null : cached;
    }
    String k = skeleton(latin(georgianCaseCut(term)));
    if (cache.size() > CACHE_LIMIT) {
      cache.clear(); // a crude bound: vocabularies of live news drift, old entries are cheap to redo
    }
    cache.put(term, k == null ? "" : k);
    return k;
  }

  // Georgian case endings and the postpositions written onto a word, longest first, those with a
  // consonant only: the skeleton drops vowels, so a vowel ending (the nominative -ი) costs no key
  private static final String[] GEORGIAN_ENDINGS = {
    "ებისთვის", "ებიდან", "ისთვის", "ებთან", "ებით", "ებმა", "ების", "ებში", "ებზე", "ისკენ", "იდან", "ამდე",
    "თვის", "ებს", "სთან", "თან", "დან", "კენ", "ში", "ზე", "ით", "ის", "მა", "ად", "სა", "ს", "მ"
  };
  // a stem shorter than this is left whole: the ending may be the word's own letters
  private static final int GEORGIAN_STEM = 3;

  /**
   * A Georgian word without its case ending or postposition: Georgian declines names as it does
   * other words and writes the postposition onto them (ტრამპმა, პუტინთან, თბილისში, აზერბაიჯანს:
   * Trump, Putin, Tbilisi, Azerbaijan), and no stemmer here cuts them, so their keys (trmpm, ptntn)
   * missed the names' keys in every other script. One ending is cut, the longest that leaves a stem
   * of {@link #GEORGIAN_STEM} letters; other words are returned as they are.
   */
  static String georgianCaseCut(String term) {
    if (term.isEmpty() || Character.UnicodeScript.of(term.codePointAt(0)) != Character.UnicodeScript.GEORGIAN) {
      return term;
    }
    for (String ending : GEORGIAN_ENDINGS) {
      if (term.endsWith(ending) && term.length() - ending.length() >= GEORGIAN_STEM) {
        return term.substring(0, term.length() - ending.length());
      }
    }
    return term;
  }

  /** An Azerbaijani case ending: its letters, the vowel its stem's last vowel must agree with, and what the stem ends in. */
  private record TurkicEnding(String letters, String harmony, Boolean afterVowel) {}

  private static final String BACK = "aıou";
  private static final String FRONT = "eəiöü";
  // Azerbaijani case endings with a consonant, longest first (a vowel ending costs no key, the
  // skeleton drops vowels): locative -da/-də and its adjective -dakı/-dəki, ablative -dan/-dən,
  // instrumental -la/-lə after a consonant, -yla/-ylə after a vowel, and the genitive -ın/-in/-un/-ün
  // after a consonant. The genitive's -nın after a vowel is left alone: Putinin would read as Puti+nin
  // as well as Putin+in, and the skeleton already keeps one n of Putin+in and of Paşinyan+ın
  private static final TurkicEnding[] AZERBAIJANI_ENDINGS = {
    new TurkicEnding("dakı", BACK, null), new TurkicEnding("dəki", FRONT, null),
    new TurkicEnding("dan", BACK, null), new TurkicEnding("dən", FRONT, null),
    new TurkicEnding("yla", BACK, true), new TurkicEnding("ylə", FRONT, true),
    new TurkicEnding("da", BACK, null), new TurkicEnding("də", FRONT, null),
    new TurkicEnding("la", BACK, false), new TurkicEnding("lə", FRONT, false),
    new TurkicEnding("ın", "aı", false), new TurkicEnding("in", "eəi", false),
    new TurkicEnding("un", "ou", false), new TurkicEnding("ün", "öü", false),
  };
  private static final String TURKIC_VOWELS = BACK + FRONT;

  /**
   * An Azerbaijani word, lower-cased, without its case ending: Azerbaijani writes the ending onto a
   * name with no apostrophe (Əliyevlə, Paşinyanla, Tbilisidə, Bakıda, Trampın: Aliyev, Pashinyan,
   * Tbilisi, Baku, Trump). One ending is cut, the longest that leaves {@link #GEORGIAN_STEM} letters
   * and whose vowel agrees with the stem's last vowel as Azerbaijani's vowel harmony has it, so that a
   * name's own letters mostly stay (Putin is no Put+in: after u the genitive is -un; Angola and
   * Venesuela no instrumental: that follows a consonant). A name that merely ends as an ending does
   * lose it (Kanada to Kana): the written key is added beside the stem's, not instead of it.
   */
  static String azerbaijaniCaseCut(String word) {
    for (TurkicEnding ending : AZERBAIJANI_ENDINGS) {
      String e = ending.letters();
      int stem = word.length() - e.length();
      if (!word.endsWith(e) || stem < GEORGIAN_STEM) {
        continue;
      }
      boolean vowelBefore = TURKIC_VOWELS.indexOf(word.charAt(stem - 1)) >= 0;
      if (ending.afterVowel() != null && ending.afterVowel() != vowelBefore) {
        continue;
      }
      char last = 0;
      for (int i = stem - 1; i >= 0 && last == 0; i--) {
        if (TURKIC_VOWELS.indexOf(word.charAt(i)) >= 0) {
          last = word.charAt(i);
        }
      }
      if (last != 0 && ending.harmony().indexOf(last) >= 0) {
        return word.substring(0, stem);
      }
    }
    return word;
  }

  // Armenian case endings with a consonant that no name here ends in: the locative -ում and the
  // ablative -ից. The instrumental -ով and the dative -ին are left on: Լավրով and Պուտին end so
  private static final String[] ARMENIAN_ENDINGS = {"ում", "ից"};
  private static final String ARMENIAN_VOWELS = "աեէըիոօւ";

  /**
   * An Armenian word, lower-cased, without its locative or ablative ending: the Armenian stemmer cuts
   * a name as a common word (Բաքվում, in Baku, to one letter), and the word as written keeps the
   * ending (Երևանում, Թբիլիսիից). One ending is cut when {@link #GEORGIAN_STEM} letters remain; a
   * stem's վ after a consonant is the ու the ending turned into one (Բաքու, Բաքվում), and is
   * written back.
   */
  static String armenianCaseCut(String word) {
    for (String ending : ARMENIAN_ENDINGS) {
      int stem = word.length() - ending.length();
      if (word.endsWith(ending) && stem >= GEORGIAN_STEM) {
        String s = word.substring(0, stem);
        if (s.endsWith("վ") && ARMENIAN_VOWELS.indexOf(s.charAt(stem - 2)) < 0) {
          s = s.substring(0, stem - 1) + "ու";
        }
        return s;
      }
    }
    return word;
  }

  private String latin(String term) {
    if (isAscii(term)) {
      return term;
    }
    try (TokenStream ts = transliterate.tokenStream("k", term)) {
      CharTermAttribute att = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? att.toString() : term;
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("transliteration of a term in memory", e);
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  static String skeleton(String latin) {
    StringBuilder b = new StringBuilder(latin.length());
    for (int i = 0; i < latin.length(); i++) {
      char c = Character.toLowerCase(latin.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    if (b.isEmpty()) {
      return null;
    }
    String s = b.toString();
    if (s.chars().allMatch(Character::isDigit)) {
      return "#" + s;
    }
    s = s.replace("sch", "s").replace("dzh", "j").replace("dz", "j").replace("sh", "s")
        .replace("ch", "c").replace("zh", "z").replace("kh", "h").replace("ts", "c")
        .replace("tz", "c").replace("ph", "f").replace("th", "t").replace("ck", "k")
        .replace("gh", "g").replace('q', 'k').replace("x", "ks").replace('w', 'v')
        .replace('z', 's');
    StringBuilder k = new StringBuilder(MAX_KEY);
    char first = s.charAt(0);
    k.append(isVowel(first) ? 'a' : first);
    char last = k.charAt(0);
    for (int i = 1; i < s.length() && k.length() < MAX_KEY; i++) {
      char c = s.charAt(i);
      if (isVowel(c) || c == last) {
        continue;
      }
      k.append(c);
      last = c;
    }
    return k.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'j';
  }
}
