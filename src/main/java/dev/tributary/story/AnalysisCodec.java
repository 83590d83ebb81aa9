package dev.tributary.story;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
  static final int FORMAT = 20;

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

  /**
   * The bytes of {@code a}: those {@link DataOutputStream} would write (read back by {@link #decode}),
   * written into one array by straight-line code. Each poller encodes every new report, so this is
   * compiled by C2 early in a first cycle; written through {@code DataOutputStream} (a synchronized
   * stream under it, {@code writeUTF} inlined at each call) and lambdas per map, it was the largest of
   * the cycle's compilations of ours (73 KB of machine code).
   */
  byte[] encode(Analysis a) {
    List<String> strings = new ArrayList<>();
    Map<String, Integer> numbers = new HashMap<>();
    number(a.terms().keySet(), strings, numbers);
    number(a.keys().keySet(), strings, numbers);
    number(a.titleKeys().keySet(), strings, numbers);
    number(a.names(), strings, numbers);
    number(a.headlineNames(), strings, numbers);
    number(a.places(), strings, numbers);
    number(a.placeKeys(), strings, numbers);
    number(a.agent(), strings, numbers);
    // room for the worst case of every write below (what each asks room() for), so the array never grows
    int capacity = 64 + (a.language() == null ? 0 : 2 + 3 * a.language().length()) + 5;
    for (String s : strings) {
      capacity += 2 + 3 * s.length();
    }
    capacity += 9 * (a.terms().size() + a.keys().size() + a.titleKeys().size()) + 15
        + 5 * (a.names().size() + a.headlineNames().size() + a.places().size() + a.placeKeys().size() + a.agent().size()) + 25
        + 4 * (a.minHash().length + a.streets().length) + 10;
    Out out = new Out(capacity);
    out.int32(version);
    out.bool(a.language() != null);
    if (a.language() != null) {
      out.utf(a.language());
    }
    out.int64(a.time());
    out.bool(a.announcement());
    out.int32(a.leadDate());
    out.bool(a.dated());
    out.bool(a.cased());
    out.bool(a.ledeTitle());
    out.varint(strings.size());
    for (String s : strings) {
      out.utf(s);
    }
    vector(out, a.terms(), numbers);
    vector(out, a.keys(), numbers);
    vector(out, a.titleKeys(), numbers);
    set(out, a.names(), numbers);
    set(out, a.headlineNames(), numbers);
    set(out, a.places(), numbers);
    set(out, a.placeKeys(), numbers);
    set(out, a.agent(), numbers);
    ints(out, a.minHash());
    ints(out, a.streets());
    return out.bytes();
  }

  // each distinct string numbered in the order first met
  private static void number(Collection<String> strings, List<String> numbered, Map<String, Integer> numbers) {
    for (String s : strings) {
      if (numbers.putIfAbsent(s, numbered.size()) == null) {
        numbered.add(s);
      }
    }
  }

  private static void vector(Out out, Map<String, Float> vector, Map<String, Integer> numbers) {
    out.varint(vector.size());
    for (Map.Entry<String, Float> e : vector.entrySet()) {
      out.varint(numbers.get(e.getKey()));
      out.int32(Float.floatToIntBits(e.getValue()));
    }
  }

  private static void set(Out out, Set<String> set, Map<String, Integer> numbers) {
    out.varint(set.size());
    for (String s : set) {
      out.varint(numbers.get(s));
    }
  }

  /** A growing byte array written big-endian, strings in modified UTF-8, as {@link DataOutputStream} writes them. */
  private static final class Out {
    private byte[] buf;
    private int size;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + n));
      }
    }

    void bool(boolean v) {
      room(1);
      buf[size++] = (byte) (v ? 1 : 0);
    }

    void int32(int v) {
      room(4);
      buf[size++] = (byte) (v >>> 24);
      buf[size++] = (byte) (v >>> 16);
      buf[size++] = (byte) (v >>> 8);
      buf[size++] = (byte) v;
    }

    void int64(long v) {
      int32((int) (v >>> 32));
      int32((int) v);
    }

    void varint(int v) {
      room(5);
      while ((v & ~0x7f) != 0) {
        buf[size++] = (byte) (v & 0x7f | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    /** As {@link DataOutputStream#writeUTF}: a two-byte length, then U+0000 and chars past U+007F in two or three bytes. */
    void utf(String s) {
      int n = s.length();
      room(2 + 3 * n);
      int at = size;
      size += 2;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c != 0 && c < 0x80) {
          buf[size++] = (byte) c;
        } else if (c < 0x800) {
          buf[size++] = (byte) (0xc0 | c >> 6);
          buf[size++] = (byte) (0x80 | c & 0x3f);
        } else {
          buf[size++] = (byte) (0xe0 | c >> 12);
          buf[size++] = (byte) (0x80 | c >> 6 & 0x3f);
          buf[size++] = (byte) (0x80 | c & 0x3f);
        }
      }
      int length = size - at - 2;
      if (length > 0xffff) {
        // as writeUTF refuses it; no term, key or name comes near
        throw new UncheckedIOException(new UTFDataFormatException("encoded string too long: " + length + " bytes"));
      }
      buf[at] = (byte) (length >>> 8);
      buf[at + 1] = (byte) length;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, size);
    }
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
      Set<String> places = readSet(in, strings);
      Set<String> placeKeys = readSet(in, strings);
      Set<String> agent = readSet(in, strings);
      int[] minHash = readInts(in);
      int[] streets = readInts(in);
      return Optional.of(new Analysis(language, time, terms, keys, titleKeys, names, headlineNames, minHash, announcement, leadDate, dated,
          cased, ledeTitle, streets.length == 0 ? Streets.NONE : streets, places, placeKeys, agent));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // damaged: the text is analysed again, as for bytes of another version
    }
  }

  private static void ints(Out out, int[] values) {
    out.varint(values.length);
    for (int v : values) {
      out.int32(v);
    }
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] out = new int[readVarint(in)];
    for (int i = 0; i < out.length; i++) {
      out[i] = in.readInt();
    }
    return out;
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
