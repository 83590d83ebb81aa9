package dev.tributary.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body into memory, decompressing as it streams, with the cap enforced on the
 * bytes off the wire and again on the decoded bytes: a tiny gzip of zeros stops at the cap instead
 * of filling the heap.
 */
final class BodyReader {
  private BodyReader() {}

  static byte[] read(InputStream wire, String contentEncoding, long cap) throws IOException {
    InputStream in = new CappedInputStream(wire, cap, "compressed body");
    try {
      for (String coding : codings(contentEncoding)) in = decoder(in, coding);
      InputStream decoded = new CappedInputStream(in, cap, "body");
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      decoded.transferTo(out);
      return out.toByteArray();
    } finally {
      // ends the Inflater's native memory at once instead of at finalization
      in.close();
    }
  }

  /** Codings in the order to undo them (the last applied comes first). */
  private static List<String> codings(String header) {
    if (header == null || header.isBlank()) return List.of();
    List<String> out = new ArrayList<>();
    for (String c : header.split(",")) {
      String t = c.trim().toLowerCase(Locale.ROOT);
      if (!t.isEmpty() && !t.equals("identity")) out.add(t);
    }
    Collections.reverse(out);
    return out;
  }

  private static InputStream decoder(InputStream in, String coding) throws IOException {
    switch (coding) {
      case "gzip":
      case "x-gzip":
        return new GZIPInputStream(in, 8192);
      case "deflate":
        return deflate(in);
      default:
        throw new UnsupportedEncodingBodyException("unsupported Content-Encoding: " + coding);
    }
  }

  /** "deflate" should be zlib-wrapped, but some servers send raw deflate; tell them apart by the header. */
  private static InputStream deflate(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 2);
    byte[] head = p.readNBytes(2);
    if (head.length > 0) p.unread(head);
    boolean zlib = head.length == 2
        && (head[0] & 0x0f) == 8
        && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
    return new InflaterInputStream(p, new Inflater(!zlib), 8192) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          inf.end();
        }
      }
    };
  }

  /** Fails with {@link BodyTooLargeException} as soon as more than {@code cap} bytes have passed. */
  static final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private final String what;
    private long count;

    CappedInputStream(InputStream in, long cap, String what) {
      super(in);
      this.cap = cap;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      // ask for at most one byte past the cap, so the overflow is seen without reading much more
      long room = cap - count + 1;
      int n = super.read(b, off, (int) Math.min(len, Math.max(1, room)));
      if (n > 0) count(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      if (s > 0) count(s);
      return s;
    }

    private void count(long n) throws BodyTooLargeException {
      count += n;
      if (count > cap) {
        throw new BodyTooLargeException(what + " larger than the cap of " + cap + " bytes");
      }
    }
  }
}
