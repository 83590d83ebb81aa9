package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Stored analyses: decoded, they are the fresh analysis; of another version, they are not used. */
class AnalysisCodecTest {

  private static final StoryConfig CONFIG = DefaultSettings.story();
  private static final Instant DAY = ClusteringStoryEngineTest.DAY;

  private static final String UNTITLED = "The new border bridge at Meghri opened on Tuesday, with the presidents of "
      + "both countries cutting the ribbon together; talks on trade across it begin tomorrow in the town hall.";
  private static final List<StoryCandidate> SAMPLES = List.of(
      ClusteringStoryEngineTest.EN_BRIDGE,
      ClusteringStoryEngineTest.RU_BRIDGE,
      ClusteringStoryEngineTest.item(4, "zeitung", "de", "Brückeneröffnung in Meghri: Alijew und Paschinjan feiern",
          "Der aserbaidschanische Präsident Ilham Alijew und Armeniens Regierungschef Nikol Paschinjan haben am "
              + "Dienstag die neue Grenzbrücke bei Meghri eröffnet. Morgen beginnen Gespräche über den Handel.",
          DAY.plusSeconds(3600)),
      // no declared language, no date: guessed, and placed by when it was seen
      new StoryCandidate(5, "agency", "https://agency/5", "ალიევმა და ფაშინიანმა ხიდი გახსნეს",
          "ილჰამ ალიევმა და ნიკოლ ფაშინიანმა მეღრის ახალი ხიდი გახსნეს.", null, DAY, false),
      new StoryCandidate(6, "brief", "https://brief/6", "Markets close higher", null, "en", DAY),
      // untitled in its feed: ingestion cut the title from its text
      new StoryCandidate(7, "untitled", "https://untitled/7", DerivedTitle.of(UNTITLED), UNTITLED, "en", DAY),
      // a local report naming a street (Streets)
      ClusteringStoryEngineTest.item(8, "station", "en", "Boy, 16, wounded on Plymouth Street",
          "A 16-year-old boy was shot in the 300 block of Plymouth Street early Sunday, police said.", DAY),
      // a Russian headline's actor (ProfileBuilder#agent) and a place by adjective (PlaceKeys)
      ClusteringStoryEngineTest.item(9, "gazeta", "ru", "Роспотребнадзор продлил ограничения в тюменских школах",
          "Специалисты Роспотребнадзора продлили ограничения в школах Тюмени до конца месяца.", DAY),
      // the term map's words of the region's languages (Armenian, Azerbaijani)
      ClusteringStoryEngineTest.item(10, "lratvakan", "hy", "ՆԱՏՕ-ն և Իրանը քննարկել են տարանցումը",
          "Երեքշաբթի Երևանում կայացած հանդիպմանը կողմերը քննարկել են տարանցման հարցերը։", DAY),
      ClusteringStoryEngineTest.item(11, "xeber", "az", "Parlament tranzit haqqında qanunu qəbul edib",
          "Milli Məclis çərşənbə axşamı tranzit haqqında qanunu birinci oxunuşda qəbul edib.", DAY),
      // a caseless script with a Latin brand: uncased, its names its figures (ProfileBuilder#mainScriptCased)
      ClusteringStoryEngineTest.item(12, "sahifa", "ar", "افتتاح جسر جديد على الحدود",
          "أعلنت الوزارة عبر صفحتها على Facebook افتتاح الجسر بطول 1359 مترا في عام 2024.", DAY),
      // Polish stems cut to their first letters (PolishStemmer)
      ClusteringStoryEngineTest.item(13, "gazeta-pl", "pl", "Ministerstwo otworzyło nowy most w Lindholmie",
          "Minister infrastruktury otworzył we wtorek nowy most graniczny; ministerstwa obu krajów rozmawiały o handlu.", DAY));

  @Test
  void aDecodedAnalysisGivesTheProfileOfAFreshOne() {
    ProfileBuilder builder = new ProfileBuilder(CONFIG);
    AnalysisCodec codec = new AnalysisCodec(CONFIG);
    Vocabulary fresh = new Vocabulary();
    Vocabulary decoded = new Vocabulary();
    for (StoryCandidate c : SAMPLES) {
      long time = c.published().getEpochSecond();
      ItemProfile expected = builder.build(c, time, fresh);
      byte[] bytes = codec.encode(builder.analyse(c, time));
      ItemProfile actual = codec.decode(bytes).orElseThrow().profile(c.itemId(), c.sourceId(), c.url(), decoded);

      assertThat(describe(actual, decoded)).isEqualTo(describe(expected, fresh));
      // strings reach the vocabulary in the same order, so even the ids agree
      assertThat(actual.terms().ids()).isEqualTo(expected.terms().ids());
      assertThat(actual.names()).isEqualTo(expected.names());
    }
  }

  /**
   * The encoder writes its bytes itself: they must be those DataOutputStream writes and decode
   * reads, for every kind of char (U+0000, two- and three-byte chars, a surrogate pair), so stored
   * analyses stay readable without a new format number.
   */
  @Test
  void theBytesAreThoseADataOutputStreamWrites() throws Exception {
    Map<String, Float> terms = new LinkedHashMap<>();
    terms.put("a\u0000b", 1.5f);
    terms.put("zürich", -0.25f);
    terms.put("\u20ac\u0800\uffff", Float.MIN_VALUE);
    terms.put("\ud834\udd1e", 3f);
    Map<String, Float> keys = new LinkedHashMap<>(Map.of("zürich", 2f));
    Set<String> names = new LinkedHashSet<>(List.of("Zürich", "a\u0000b", "x".repeat(300)));
    Analysis analysis = new Analysis("de", -5_000_000_000L, terms, keys, Map.of(), names, Set.of("Zürich"),
        new int[] {1, -2, Integer.MIN_VALUE}, true, 20260102, false, true, false,
        new int[] {Integer.MIN_VALUE, 7}, Set.of("zürich"), Set.of(), Set.of("zürich"));
    AnalysisCodec codec = new AnalysisCodec(CONFIG);

    byte[] bytes = codec.encode(analysis);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(expected)) {
      out.writeInt(codec.version());
      out.writeBoolean(true);
      out.writeUTF("de");
      out.writeLong(-5_000_000_000L);
      out.writeBoolean(true);
      out.writeInt(20260102);
      out.writeBoolean(false);
      out.writeBoolean(true);
      out.writeBoolean(false);
      List<String> strings = List.of("a\u0000b", "zürich", "\u20ac\u0800\uffff", "\ud834\udd1e", "Zürich", "x".repeat(300));
      writeVarint(out, strings.size());
      for (String s : strings) {
        out.writeUTF(s);
      }
      writeVarint(out, 4);
      for (int i = 0; i < 4; i++) {
        writeVarint(out, i);
        out.writeFloat(terms.get(strings.get(i)));
      }
      writeVarint(out, 1);
      writeVarint(out, 1);
      out.writeFloat(2f);
      writeVarint(out, 0);
      writeVarint(out, 3);
      writeVarint(out, 4);
      writeVarint(out, 0);
      writeVarint(out, 5);
      writeVarint(out, 1);
      writeVarint(out, 4);
      writeVarint(out, 1);
      writeVarint(out, 1);
      writeVarint(out, 0);
      writeVarint(out, 1);
      writeVarint(out, 1);
      writeVarint(out, 3);
      out.writeInt(1);
      out.writeInt(-2);
      out.writeInt(Integer.MIN_VALUE);
      writeVarint(out, 2);
      out.writeInt(Integer.MIN_VALUE);
      out.writeInt(7);
    }
    assertThat(bytes).isEqualTo(expected.toByteArray());
    Analysis decoded = codec.decode(bytes).orElseThrow();
    assertThat(decoded.terms()).containsExactlyEntriesOf(terms);
    assertThat(decoded.names()).containsExactlyElementsOf(names);
    assertThat(decoded.streets()).containsExactly(Integer.MIN_VALUE, 7);
    assertThat(decoded.agent()).containsExactly("zürich");
  }

  private static void writeVarint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte(v & 0x7f | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  @Test
  void anAnalysisOfAnotherVersionIsNotDecoded() {
    ProfileBuilder builder = new ProfileBuilder(CONFIG);
    StoryConfig otherTokens = new StoryConfig(CONFIG.window(), CONFIG.statsHorizon(), CONFIG.joinThreshold(),
        CONFIG.duplicateThreshold(), CONFIG.meanShare(), CONFIG.titleWeight(),
        CONFIG.nameWeight(), CONFIG.maxTokens() + 1, CONFIG.queryKeys(), CONFIG.maxCandidates(), CONFIG.maxPostings(),
        CONFIG.sourceRepeatRate(), CONFIG.headlineMixture(), CONFIG.mixtureAlpha(), CONFIG.refinePasses(),
        CONFIG.supportShare(), CONFIG.supportFloor());
    byte[] bytes = new AnalysisCodec(CONFIG).encode(builder.analyse(SAMPLES.get(0), 0));

    assertThat(new AnalysisCodec(otherTokens).version()).isNotEqualTo(new AnalysisCodec(CONFIG).version());
    assertThat(new AnalysisCodec(otherTokens).decode(bytes)).isEmpty();
    assertThat(new AnalysisCodec(CONFIG).decode(Arrays.copyOf(bytes, bytes.length / 2))).isEmpty();
    assertThat(new AnalysisCodec(CONFIG).decode(null)).isEmpty();
  }

  /** An engine fed another replica's stored analyses decides as one that analysed the texts itself. */
  @Test
  void anEngineIndexingStoredAnalysesDecidesAsOneAnalysingTexts() {
    ClusteringStoryEngine writer = new ClusteringStoryEngine(CONFIG);
    ClusteringStoryEngine analysing = new ClusteringStoryEngine(CONFIG);
    ClusteringStoryEngine decoding = new ClusteringStoryEngine(CONFIG);
    StoryCandidate stored = ClusteringStoryEngineTest.EN_BRIDGE;
    byte[] bytes = writer.prepare(List.of(stored)).get(0);

    analysing.indexed(stored, 100);
    assertThat(decoding.indexedAnalysed(stored.itemId(), stored.sourceId(), stored.url(), bytes, 100)).isTrue();

    StoryCandidate next = ClusteringStoryEngineTest.RU_BRIDGE;
    Assignment a = analysing.assign(next);
    Assignment b = decoding.assign(next);
    assertThat(a).isInstanceOf(Assignment.Join.class).isEqualTo(b);
    assertThat(decoding.size()).isEqualTo(1);
  }

  @Test
  void anEngineRefusesBytesOfAnotherVersionAndIndexesNothing() {
    ClusteringStoryEngine engine = new ClusteringStoryEngine(CONFIG);
    StoryCandidate c = ClusteringStoryEngineTest.EN_BRIDGE;
    byte[] bytes = engine.prepare(List.of(c)).get(0);
    bytes[0] ^= 0x55; // the version is the first four bytes

    assertThat(engine.indexedAnalysed(c.itemId(), c.sourceId(), c.url(), bytes, 100)).isFalse();
    assertThat(engine.size()).isZero();
  }

  /**
   * What the analysis of these samples yields, as a digest. It changes when the analysis does:
   * then bump {@link AnalysisCodec#FORMAT}, so stored analyses of the old code are analysed again,
   * and set the new digest here.
   */
  @Test
  void theAnalysisIsTheOneItsFormatNumberStandsFor() throws Exception {
    ProfileBuilder builder = new ProfileBuilder(CONFIG);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (StoryCandidate c : SAMPLES) {
      sha.update(canonical(builder.analyse(c, c.published().getEpochSecond())).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(AnalysisCodec.FORMAT + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 16))
        .isEqualTo("20:3684e66de540e793");
  }

  private static String canonical(Analysis a) {
    return a.language() + "|" + a.time() + "|" + new TreeMap<>(a.terms()) + "|" + new TreeMap<>(a.keys()) + "|"
        + new TreeMap<>(a.titleKeys()) + "|" + new TreeSet<>(a.names()) + "|" + new TreeSet<>(a.headlineNames()) + "|"
        + Arrays.toString(a.minHash()) + "|"
        + a.announcement() + "|" + a.leadDate() + "|" + a.dated() + "|" + a.cased() + "|" + a.ledeTitle() + "|"
        + Arrays.toString(a.streets()) + "|" + new TreeSet<>(a.places()) + "|" + new TreeSet<>(a.placeKeys()) + "|"
        + new TreeSet<>(a.agent()) + "\n";
  }

  private static String describe(ItemProfile p, Vocabulary v) {
    return p.itemId() + "|" + p.sourceId() + "|" + p.url() + "|" + p.language() + "|" + p.time() + "|"
        + vector(p.terms(), v) + "|" + vector(p.keys(), v) + "|" + vector(p.titleKeys(), v) + "|"
        + Arrays.stream(p.names()).mapToObj(v::string).sorted().toList() + "|"
        + Arrays.stream(p.headlineNames()).mapToObj(v::string).sorted().toList() + "|" + Arrays.toString(p.minHash()) + "|"
        + p.announcement() + "|" + p.leadDate() + "|" + p.dated() + "|" + p.cased() + "|"
        + Arrays.toString(p.streets()) + "|" + Arrays.stream(p.places()).mapToObj(v::string).sorted().toList() + "|"
        + Arrays.stream(p.placeKeys()).mapToObj(v::string).sorted().toList() + "|"
        + Arrays.stream(p.agent()).mapToObj(v::string).sorted().toList();
  }

  private static Map<String, Float> vector(TermVector t, Vocabulary v) {
    Map<String, Float> out = new TreeMap<>();
    int[] ids = t.ids();
    for (int i = 0; i < ids.length; i++) {
      out.put(v.string(ids[i]), t.weight(i, v.weights()));
    }
    return out;
  }
}
