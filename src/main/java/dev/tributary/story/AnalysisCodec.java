package dev.tributary.story;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link Analysis} as bytes the store keeps beside the item: each distinct string once, then
 * the vectors as (string number, float bits), so decoding gives back exactly the fresh analysis.
 *
 * <p>The bytes carry {@link #version()}: the analysis code's {@link #FORMAT} and the settings that
 * shape it. Bytes of another version decode to nothing and the caller analyses the text again, so
 * stored analyses never outlive a change of analysis. Whoever changes what {@link ProfileBuilder}
 * computes (tokens, stems, keys, term map, headline names, MinHash, lead dates, announcements) bumps
 * {@link #FORMAT}; {@code AnalysisCodecTest} pins a digest of the analyses of sample reports so such
 * a change cannot go unnoticed.
 */
final class AnalysisCodec {
  /** Bumped with every change of what the analysis of a text yields. */
  static final int FORMAT = 7;

  private final int version;

  AnalysisCodec(StoryConfig config) {
    this.version = versionOf(config);
  }

  static int versionOf(StoryConfig config) {
    int h = FORMAT;
    h = 31 * h + Float.floatToIntBits(config.titleWeight());
    h = 31 * h + Float.floatToIntBits(config.nameWeight());
    h = 31 * h + config.maxTokens();
    // 0 is never a version, so a store may read 0 as none
    return h == 0 ? 1 : h;
  }

  int version() {
    return version;
  }

  byte[] encode(Analysis a) {
    List<String> strings = new ArrayList<>();
    Map<String, Integer> numbers = new HashMap<>();
    for (Map<String, Float> m : List.of(a.terms(), a.keys(), a.titleKeys())) {
      m.keySet().forEach(s -> numbers.computeIfAbsent(s, k -> add(strings, k)));
    }
    a.names().forEach(s -> numbers.computeIfAbsent(s, k -> add(strings, k)));
    a.headlineNames().forEach(s -> numbers.computeIfAbsent(s, k -> add(strings, k)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 12 * strings.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(version);
      out.writeBoolean(a.language() != null);
      if (a.language() != null) {
        out.writeUTF(a.language());
      }
      out.writeLong(a.time());
      out.writeBoolean(a.announcement());
      out.writeInt(a.leadDate());
      out.writeBoolean(a.dated());
      out.writeBoolean(a.cased());
      out.writeBoolean(a.ledeTitle());
      writeVarint(out, strings.size());
      for (String s : strings) {
        out.writeUTF(s);
      }
      for (Map<String, Float> m : List.of(a.terms(), a.keys(), a.titleKeys())) {
        writeVarint(out, m.size());
        for (var e : m.entrySet()) {
          writeVarint(out, numbers.get(e.getKey()));
          out.writeFloat(e.getValue());
        }
      }
      for (Set<String> set : List.of(a.names(), a.headlineNames())) {
        writeVarint(out, set.size());
        for (String s : set) {
          writeVarint(out, numbers.get(s));
        }
      }
      writeVarint(out, a.minHash().length);
      for (int h : a.minHash()) {
        out.writeInt(h);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  private static int add(List<String> strings, String s) {
    strings.add(s);
    return strings.size() - 1;
  }

  /** The analysis, or empty when the bytes are of another version (or none, or damaged). */
  Optional<Analysis> decode(byte[] bytes) {
    if (bytes == null || bytes.length < 4) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != version) {
        return Optional.empty();
      }
      String language = in.readBoolean() ? in.readUTF() : null;
      long time = in.readLong();
      boolean announcement = in.readBoolean();
      int leadDate = in.readInt();
      boolean dated = in.readBoolean();
      boolean cased = in.readBoolean();
      boolean ledeTitle = in.readBoolean();
      String[] strings = new String[readVarint(in)];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = in.readUTF();
      }
      Map<String, Float> terms = readVector(in, strings);
      Map<String, Float> keys = readVector(in, strings);
      Map<String, Float> titleKeys = readVector(in, strings);
      Set<String> names = readSet(in, strings);
      Set<String> headlineNames = readSet(in, strings);
      int[] minHash = new int[readVarint(in)];
      for (int i = 0; i < minHash.length; i++) {
        minHash[i] = in.readInt();
      }
      return Optional.of(new Analysis(language, time, terms, keys, titleKeys, names, headlineNames, minHash, announcement, leadDate, dated, cased, ledeTitle));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged: the text is analysed again, as for bytes of another version
    }
  }

  private static Set<String> readSet(DataInputStream in, String[] strings) throws IOException {
    int n = readVarint(in);
    Set<String> out = new LinkedHashSet<>(2 * n);
    for (int i = 0; i < n; i++) {
      out.add(strings[readVarint(in)]);
    }
    return out;
  }

  private static Map<String, Float> readVector(DataInputStream in, String[] strings) throws IOException {
    int n = readVarint(in);
    Map<String, Float> out = new LinkedHashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      out.put(strings[readVarint(in)], in.readFloat());
    }
    return out;
  }

  private static void writeVarint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte(v & 0x7f | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(DataInputStream in) throws IOException {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if (b < 0x80) {
        return v;
      }
      if (shift > 28) {
        throw new IOException("varint too long");
      }
    }
  }
}
