package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossScriptKeysTest {

  private final CrossScriptKeys keys = new CrossScriptKeys();

  @Test
  void oneNameInThreeScriptsGetsOneKey() {
    String latin = keys.key("aliyev");
    assertThat(keys.key("алиев")).isEqualTo(latin);
    assertThat(keys.key("ალიევი")).isEqualTo(latin);
  }

  @Test
  void romanizationVariantsMeet() {
    assertThat(keys.key("пашинян")).isEqualTo(keys.key("pashinyan"));
    assertThat(keys.key("трамп")).isEqualTo(keys.key("trump"));
    assertThat(keys.key("байрамов")).isEqualTo(keys.key("bayramov"));
    assertThat(keys.key("парламент")).isEqualTo(keys.key("parliament"));
  }

  @Test
  void numbersKeepTheirDigits() {
    assertThat(keys.key("2028")).isEqualTo("#2028");
    assertThat(keys.key("2028")).isNotEqualTo(keys.key("2027"));
  }

  @Test
  void differentNamesStayApart() {
    assertThat(keys.key("kobakhidze")).isNotEqualTo(keys.key("pashinyan"));
    assertThat(keys.key("aliyev")).isNotEqualTo(keys.key("tokayev"));
  }

  @Test
  void aGeorgianNameInAnyCaseMeetsItsKeyInOtherScripts() {
    // ergative, dative, genitive, and postpositions written onto the word
    assertThat(keys.key("ტრამპმა")).isEqualTo(keys.key("trump"));
    assertThat(keys.key("პუტინთან")).isEqualTo(keys.key("putin"));
    assertThat(keys.key("კობახიძესთან")).isEqualTo(keys.key("kobakhidze"));
    assertThat(keys.key("ფაშინიანმა")).isEqualTo(keys.key("pashinyan"));
    assertThat(keys.key("აზერბაიჯანს")).isEqualTo(keys.key("azerbaijan"));
    assertThat(keys.key("თბილისში")).isEqualTo(keys.key("tbilisi"));
    assertThat(keys.key("თბილისის")).isEqualTo(keys.key("тбилиси"));
    assertThat(keys.key("თბილისი")).isEqualTo(keys.key("tbilisi"));
    assertThat(keys.key("ალიევმა")).isNotEqualTo(keys.key("ტოკაევმა"));
  }

  @Test
  void aShortGeorgianWordKeepsItsLetters() {
    // cutting -ის off a three-letter word would leave one letter: the word is its own
    assertThat(CrossScriptKeys.georgianCaseCut("ბაქოს")).isEqualTo("ბაქო");
    assertThat(CrossScriptKeys.georgianCaseCut("მის")).isEqualTo("მის");
    assertThat(CrossScriptKeys.georgianCaseCut("Tbilisis")).isEqualTo("Tbilisis");
  }

  @Test
  void anAzerbaijaniCaseEndingIsCutByVowelHarmony() {
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("vəlixanyanla")).isEqualTo("vəlixanyan");
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("turbəkovla")).isEqualTo("turbəkov");
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("tramkovun")).isEqualTo("tramkov");
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("qaraxandada")).isEqualTo("qaraxanda");
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("qaraxandadakı")).isEqualTo("qaraxanda");
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("kelisidən")).isEqualTo("kelisi");
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("kelisiylə")).isEqualTo("kelisi");
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("qelisevlə")).isEqualTo("qelisev");
    assertThat(keys.key(CrossScriptKeys.azerbaijaniCaseCut("şəkinskidə"))).isEqualTo(keys.key("shekinski"));
  }

  @Test
  void anAzerbaijaniWordKeepsLettersThatOnlyLookLikeAnEnding() {
    // after u the genitive is -un: Borutin is no Borut+in
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("borutin")).isEqualTo("borutin");
    // the instrumental -la follows a consonant, -yla a vowel
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("marola")).isEqualTo("marola");
    // -də follows a front vowel, -da a back one
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("kelida")).isEqualTo("kelida");
    // a stem of two letters is left whole
    assertThat(CrossScriptKeys.azerbaijaniCaseCut("suda")).isEqualTo("suda");
  }

  @Test
  void anArmenianNameInTheLocativeOrAblativeMeetsItsKeyInOtherScripts() {
    // the locative turns a final ու into վ: Բաքու, Բաքվում
    assertThat(keys.key(CrossScriptKeys.armenianCaseCut("բաքվում"))).isEqualTo(keys.key("baku"));
    assertThat(keys.key(CrossScriptKeys.armenianCaseCut("թբիլիսիում"))).isEqualTo(keys.key("tbilisi"));
    assertThat(keys.key(CrossScriptKeys.armenianCaseCut("երևանից"))).isEqualTo(keys.key(CrossScriptKeys.armenianCaseCut("երևանում")));
    assertThat(keys.key(CrossScriptKeys.armenianCaseCut("մոսկվայում"))).isEqualTo(keys.key("москва"));
    // the instrumental is a surname's own ending too
    assertThat(CrossScriptKeys.armenianCaseCut("լավրով")).isEqualTo("լավրով");
    assertThat(CrossScriptKeys.armenianCaseCut("սում")).isEqualTo("սում");
  }
}
