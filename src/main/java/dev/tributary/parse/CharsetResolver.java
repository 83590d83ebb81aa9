package dev.tributary.parse;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which charset bytes are in, weighing the HTTP charset, a BOM and the XML declaration as
 * RFC 7303 (and its predecessor RFC 3023, which feeds in the wild were written against) say, and
 * falling back to statistical detection only when nothing is declared and the bytes are not UTF-8.
 */
final class CharsetResolver {
  private static final Pattern XML_DECL_ENCODING = Pattern.compile(
      "^<\\?xml[^>]{0,200}?encoding\\s*=\\s*['\"]([A-Za-z0-9._:\\-]{1,40})['\"]");
  private static final Pattern CHARSET_PARAM = Pattern.compile(
      "charset\\s*=\\s*[\"']?\\s*([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);

  /** Detection reads this much of a document: plenty for statistics, bounded for hostile input. */
  private static final int DETECTION_BYTES = 65536;

  private CharsetResolver() {}

  /** The media type of a Content-Type header, lower case, or "" when absent. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
  }

  static String httpCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET_PARAM.matcher(contentType);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** The decoded text, with {@code encoding} the lower-case IANA preferred name of the charset used. */
  static DecodedText decode(byte[] bytes, String contentType) {
    DecodedText decoded = decodeWithAnyName(bytes, contentType);
    return new DecodedText(decoded.text(), ianaName(decoded.encoding()), decoded.problem());
  }

  /**
   * The IANA preferred MIME name (lower case, as the contract reports it) for a charset name or
   * alias we decoded with: {@code x-sjis} and {@code ms_kanji} are {@code shift_jis}. Java's
   * canonical names are the IANA ones except for charsets IANA registers under another name.
   */
  static String ianaName(String name) {
    if (name == null) {
      return null;
    }
    String javaName;
    try {
      javaName = Charset.forName(name).name();
    } catch (IllegalArgumentException e) {
      return name.toLowerCase(Locale.ROOT);
    }
    String preferred = switch (javaName) {
      case "x-MacRoman" -> "macintosh";
      case "x-windows-874", "x-IBM874" -> "windows-874";
      case "x-windows-949" -> "ks_c_5601-1987";
      case "x-UTF-16LE-BOM" -> "utf-16le";
      case "X-UTF-32BE-BOM" -> "utf-32be";
      case "X-UTF-32LE-BOM" -> "utf-32le";
      default -> javaName.startsWith("x-") || javaName.startsWith("X-") ? name : javaName;
    };
    return preferred.toLowerCase(Locale.ROOT);
  }

  private static DecodedText decodeWithAnyName(byte[] bytes, String contentType) {
    String media = mediaType(contentType);
    String http = httpCharset(contentType);
    String bom = sniffBom(bytes);
    String declared = xmlDeclaredEncoding(bytes, bom);
    String problem = null;

    boolean textXml = media.startsWith("text/") && (media.equals("text/xml") || media.endsWith("+xml")
        || media.equals("text/xml-external-parsed-entity"));
    boolean appXml = media.startsWith("application/") && (media.equals("application/xml")
        || media.endsWith("+xml") || media.equals("application/xml-dtd")
        || media.equals("application/xml-external-parsed-entity"));
    boolean json = media.contains("json");

    String proposed;
    if (textXml) {
      // RFC 3023: text/* without a charset parameter is us-ascii, whatever the document says.
      proposed = http != null ? http : "us-ascii";
    } else if (appXml || json) {
      proposed = first(http, bom, declared, "utf-8");
    } else if (media.startsWith("text/")) {
      proposed = http != null ? http : (bom != null ? bom : "us-ascii");
      problem = "served as " + media + ", not an XML media type";
    } else {
      proposed = first(bom, declared, http, null);
    }
    if (bom != null && proposed != null && !sameFamily(bom, proposed)) {
      proposed = bom;
    }
    proposed = canonical(proposed);

    if (proposed == null) {
      // Nothing declared: UTF-8 if the bytes allow it, else ask the detector.
      String text = tryDecode(bytes, "utf-8");
      if (text != null) {
        return new DecodedText(text, "utf-8", problem);
      }
      String detected = detect(bytes);
      if (detected != null) {
        text = tryDecode(bytes, detected);
        if (text != null) {
          return new DecodedText(text, detected, firstNonNull(problem, "no encoding declared; detected " + detected));
        }
      }
      return new DecodedText(lenient(bytes, "windows-1252"), "windows-1252",
          firstNonNull(problem, "no encoding declared and none detected"));
    }

    if (isLegacySingleByte(proposed) && isNonAsciiUtf8(bytes)) {
      // A label like windows-1251 on bytes that are valid, non-ASCII UTF-8 is almost always a
      // misconfigured server or CMS: such byte pairs are gibberish in any single-byte charset.
      String utf8 = tryDecode(bytes, "utf-8");
      return new DecodedText(utf8, "utf-8",
          firstNonNull(problem, "document declared as " + proposed + ", but is UTF-8"));
    }
    String text = tryDecode(bytes, proposed);
    if (text != null) {
      return new DecodedText(text, proposed, problem);
    }
    Set<String> fallbacks = new LinkedHashSet<>();
    for (String candidate : new String[] {canonical(declared), canonical(bom), "utf-8", detect(bytes)}) {
      if (candidate != null && !candidate.equals(proposed)) {
        fallbacks.add(candidate);
      }
    }
    for (String candidate : fallbacks) {
      text = tryDecode(bytes, candidate);
      if (text != null) {
        return new DecodedText(text, candidate,
            firstNonNull(problem, "document declared as " + proposed + ", but parsed as " + candidate));
      }
    }
    return new DecodedText(lenient(bytes, proposed), proposed,
        firstNonNull(problem, "document is not valid " + proposed + "; undecodable bytes replaced"));
  }

  private static boolean isLegacySingleByte(String name) {
    return name.startsWith("windows-125") || name.startsWith("iso-8859-") || name.startsWith("koi8")
        || name.equals("us-ascii") || name.startsWith("cp125") || name.equals("macintosh");
  }

  /** True when the bytes decode as UTF-8 and contain at least a few multi-byte sequences. */
  private static boolean isNonAsciiUtf8(byte[] bytes) {
    int multiByte = 0;
    for (byte b : bytes) {
      if ((b & 0xC0) == 0xC0) {
        multiByte++;
      }
    }
    return multiByte >= 2 && tryDecode(bytes, "utf-8") != null;
  }

  private static String first(String a, String b, String c, String d) {
    return a != null ? a : b != null ? b : c != null ? c : d;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static boolean sameFamily(String bom, String proposed) {
    String p = proposed.toLowerCase(Locale.ROOT);
    return p.startsWith(bom.substring(0, Math.min(6, bom.length()))) || (bom.equals("utf-8") && !p.startsWith("utf-"));
  }

  /** Maps aliases to the names we report, and upgrades charsets to the supersets that decoders really mean. */
  static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    switch (n) {
      case "utf8":
        return "utf-8";
      case "utf-16":
      case "utf16":
        return "utf-16";
      case "gbk":
      case "x-gbk":
      case "gb_2312-80":
      case "euc-cn":
        return "gb18030";
      case "latin1":
      case "latin-1":
      case "l1":
        return "iso-8859-1";
      case "ascii":
      case "us_ascii":
        return "us-ascii";
      case "gb2312":
        return "gb18030";
      case "sjis":
      case "shift-jis":
        return "shift_jis";
      case "cp1251":
        return "windows-1251";
      case "cp1252":
        return "windows-1252";
      default:
        if (!Charset.isSupported(safeName(n))) {
          return null;
        }
        return n;
    }
  }

  private static String safeName(String n) {
    return n.matches("[a-z0-9._:\\-]{1,40}") && Character.isLetterOrDigit(n.charAt(0)) ? n : "x-invalid";
  }

  /**
   * Decodes with what a declared name really means in practice: latin-1 as windows-1252. ASCII
   * stays strict, so that the RFC 3023 text/* default gives way to the document's own declaration
   * when the bytes are not ASCII.
   */
  private static Charset forDecoding(String name) {
    return switch (name) {
      case "iso-8859-1" -> Charset.forName("windows-1252");
      case "utf-16" -> StandardCharsets.UTF_16;
      case "gb2312" -> Charset.forName("gb18030");
      default -> Charset.forName(name);
    };
  }

  private static String tryDecode(byte[] bytes, String name) {
    try {
      CharsetDecoder decoder = forDecoding(name).newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return stripBom(chars.toString());
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String lenient(byte[] bytes, String name) {
    Charset charset;
    try {
      charset = forDecoding(name);
    } catch (IllegalArgumentException e) {
      charset = StandardCharsets.UTF_8;
    }
    return stripBom(new String(bytes, charset));
  }

  private static String stripBom(String s) {
    return demoronize(!s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s);
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * C1 control characters in text are nearly always windows-1252 punctuation that went through a
   * latin-1 round trip ("don\u0092t"); map them to the characters their authors typed.
   */
  static String demoronize(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        if (b == null) {
          b = new StringBuilder(s.length());
          b.append(s, 0, i);
        }
        b.append(cp1252(c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  static char cp1252(int c) {
    String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
    char m = mapped.charAt(0);
    return m == '\uFFFD' ? (char) c : m;
  }

  /** The charset a BOM or the first bytes of "&lt;?xml" in a wide encoding reveal, or null. */
  static String sniffBom(byte[] b) {
    if (b.length >= 4) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      int b2 = b[2] & 0xff;
      int b3 = b[3] & 0xff;
      if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
        return "utf-32be";
      }
      if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
        return "utf-32le";
      }
      if (b0 == 0 && b1 == 0 && b2 == 0 && b3 == 0x3C) {
        return "utf-32be";
      }
      if (b0 == 0x3C && b1 == 0 && b2 == 0 && b3 == 0) {
        return "utf-32le";
      }
      if (b0 == 0 && b1 == 0x3C && b2 == 0 && b3 != 0) {
        return "utf-16be";
      }
      if (b0 == 0x3C && b1 == 0 && b2 != 0 && b3 == 0) {
        return "utf-16le";
      }
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return "utf-8";
    }
    if (b.length >= 2) {
      if ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
        return "utf-16be";
      }
      if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
        return "utf-16le";
      }
    }
    return null;
  }

  private static String xmlDeclaredEncoding(byte[] bytes, String bom) {
    int n = Math.min(bytes.length, 1024);
    String head;
    if (bom != null && (bom.startsWith("utf-16") || bom.startsWith("utf-32"))) {
      head = lenient(Arrays.copyOf(bytes, n), bom);
    } else {
      head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
    head = stripBom(head);
    Matcher m = XML_DECL_ENCODING.matcher(head);
    if (!m.find()) {
      return null;
    }
    String enc = m.group(1).toLowerCase(Locale.ROOT);
    // A wide encoding can only be declared truthfully by a wide document (which the BOM sniff found).
    if ((enc.startsWith("utf-16") || enc.startsWith("utf-32") || enc.equals("utf16")) && bom == null) {
      return null;
    }
    if (bom != null && enc.equals("utf-16")) {
      return bom;
    }
    return enc;
  }

  private static String detect(byte[] bytes) {
    if (Tis620Recognizer.isThai(bytes, DETECTION_BYTES)) {
      return "tis-620";
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes.length > DETECTION_BYTES ? Arrays.copyOf(bytes, DETECTION_BYTES) : bytes);
    CharsetMatch match = detector.detect();
    if (match == null) {
      return null;
    }
    return canonicalDetected(match.getName());
  }

  private static String canonicalDetected(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("gb18030")) {
      // ICU names its GB detector after the superset; the text it recognises is GB2312.
      return "gb2312";
    }
    if (n.equals("iso-8859-8-i") || n.equals("iso-8859-8")) {
      return "windows-1255";
    }
    if (n.equals("iso-8859-1")) {
      return "windows-1252";
    }
    return canonical(n);
  }
}
