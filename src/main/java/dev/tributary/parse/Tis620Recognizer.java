package dev.tributary.parse;

/**
 * Recognizes undeclared Thai text in TIS-620 (and its supersets ISO-8859-11 and windows-874),
 * which ICU's charset detector has no recognizer for. Thai writing has a structure single-byte
 * text of other languages lacks: every high byte is a defined Thai code point, most are
 * consonants, and vowel and tone marks (which combine) follow a consonant or another mark.
 */
final class Tis620Recognizer {
  private static final int MIN_THAI_BYTES = 16;

  private Tis620Recognizer() {}

  static boolean isThai(byte[] bytes, int limit) {
    int high = 0;
    int consonants = 0;
    int marks = 0;
    int attachedMarks = 0;
    int previous = 0;
    int n = Math.min(bytes.length, limit);
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b >= 0x80) {
        high++;
        if (b < 0xA1 || (b >= 0xDB && b <= 0xDE) || b >= 0xFC) {
          return false;
        }
        if (b <= 0xCE) {
          consonants++;
        }
        if (isCombining(b)) {
          marks++;
          if ((previous >= 0xA1 && previous <= 0xCE) || isCombining(previous)) {
            attachedMarks++;
          }
        }
      }
      previous = b;
    }
    return high >= MIN_THAI_BYTES && consonants * 2 >= high && marks > 0 && attachedMarks * 20 >= marks * 19;
  }

  private static boolean isCombining(int b) {
    return b == 0xD1 || (b >= 0xD4 && b <= 0xDA) || (b >= 0xE7 && b <= 0xEE);
  }
}
