package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.model.NormalizedFeed;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds in legacy encodings that declare nothing (no charset parameter, no encoding in the XML
 * declaration, no BOM) are detected from their bytes, and {@code meta.encoding} reports the IANA
 * preferred name (lower case, as the contract has it). Each sample is a few ordinary news headlines of its language.
 */
class EncodingDetectionTest {
  private final StandardFeedParser parser = new StandardFeedParser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      KOI8-R       | ru | Правительство обсуждает новый бюджет на следующий год|Министр финансов заявил, что расходы на образование вырастут|В Москве открылась выставка современного искусства
      windows-1251 | ru | Правительство обсуждает новый бюджет на следующий год|Министр финансов заявил, что расходы на образование вырастут|В Москве открылась выставка современного искусства
      ISO-8859-5   | ru | Правительство обсуждает новый бюджет на следующий год|Министр финансов заявил, что расходы на образование вырастут|В Москве открылась выставка современного искусства
      TIS-620      | th | รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร|นายกรัฐมนตรีเดินทางไปเยือนประเทศญี่ปุ่นในสัปดาห์หน้า|กรุงเทพมหานครเตรียมรับมือน้ำท่วมในฤดูฝนนี้
      ISO-8859-7   | el | Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία|Ο πρωθυπουργός συναντήθηκε με τους εκπροσώπους των αγροτών|Νέα έκθεση σύγχρονης τέχνης άνοιξε στην Αθήνα
      ISO-8859-2   | pl | Rząd ogłosił nowe środki wsparcia dla rolników|Minister finansów zapowiedział zmiany w podatkach od przyszłego roku|W Krakowie otwarto wystawę sztuki współczesnej
      windows-1256 | ar | أعلنت الحكومة عن إجراءات جديدة لدعم المزارعين|وزير المالية يقول إن الإنفاق على التعليم سيرتفع|افتتاح معرض للفن المعاصر في القاهرة
      Shift_JIS    | ja | 政府は農家を支援するための新しい対策を発表しました|財務大臣は来年から税制を変更すると述べました|東京で現代美術の展覧会が開かれました
      EUC-JP       | ja | 政府は農家を支援するための新しい対策を発表しました|財務大臣は来年から税制を変更すると述べました|東京で現代美術の展覧会が開かれました
      windows-1252 | fr | Le gouvernement annonce de nouvelles mesures pour les agriculteurs|Le ministre des Finances a déclaré que les dépenses d’éducation augmenteront|Une exposition d’art contemporain s’est ouverte à Paris
      windows-1252 | de | Die Regierung kündigt neue Maßnahmen für Landwirte an|Der Finanzminister erklärte, die Ausgaben für Bildung würden steigen|In München öffnete eine Ausstellung zeitgenössischer Kunst
      EUC-KR       | ko | 정부는 농민을 지원하기 위한 새로운 대책을 발표했습니다|재무장관은 내년부터 세제를 변경하겠다고 말했습니다|서울에서 현대 미술 전시회가 열렸습니다
      """)
  void detectsUndeclaredLegacyEncodings(String charset, String lang, String t1, String t2, String t3) {
    String xml = "<rss version=\"2.0\"><channel><title>" + t1 + "</title>"
        + "<item><title>" + t1 + "</title><description>" + t2 + " " + t3 + "</description></item>"
        + "<item><title>" + t2 + "</title><description>" + t3 + " " + t1 + "</description></item>"
        + "<item><title>" + t3 + "</title><description>" + t1 + " " + t2 + "</description></item>"
        + "</channel></rss>";
    byte[] body = xml.getBytes(Charset.forName(charset));
    ParseResult result = parser.parse(new FeedDocument(body, null, null, URI.create("https://example.org/" + lang)));
    NormalizedFeed feed = ((ParseResult.Parsed) result).feed();
    assertThat(feed.meta().encoding()).as(lang).isEqualTo(charset.toLowerCase(Locale.ROOT));
    assertThat(feed.entries().get(0).title()).isEqualTo(t1);
  }

  @ParameterizedTest
  @CsvSource({
    "shift_jis, Shift_JIS", "sjis, Shift_JIS", "x-sjis, Shift_JIS", "euc-jp, EUC-JP", "koi8-r, KOI8-R",
    "cp1251, windows-1251", "WINDOWS-1251, windows-1251", "latin1, ISO-8859-1", "utf8, UTF-8",
    "tis-620, TIS-620", "ms_kanji, Shift_JIS", "csKOI8R, KOI8-R", "big5, Big5", "euc-kr, EUC-KR", "us-ascii, US-ASCII",
  })
  void declaredNamesAreReportedByTheirIanaPreferredName(String declared, String iana) {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"" + declared + "\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>")
        .getBytes(StandardCharsets.US_ASCII);
    ParseResult result = parser.parse(new FeedDocument(body, "application/rss+xml", null, URI.create("https://example.org/")));
    assertThat(((ParseResult.Parsed) result).feed().meta().encoding()).isEqualTo(iana.toLowerCase(Locale.ROOT));
  }
}
