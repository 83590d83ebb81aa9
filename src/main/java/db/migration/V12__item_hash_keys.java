package db.migration;

import dev.tributary.store.HashKey;
import dev.tributary.store.Hashes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The item table's identity keys (guid_hash, url_hash, content_hash) as 16 bytes, the first 128
 * bits of their SHA-256 ({@code HashKey}), instead of 64 hex characters: each row, each entry of
 * the guid and link indexes and so each page H2 writes at a commit holds 48 of them instead of 192
 * bytes. A stored key's first 32 hex digits are those 16 bytes, so reports stored before are found
 * again under the keys new reports are looked up by.
 *
 * <p>Java, not SQL, because no SQL function turns hex into bytes on both databases: PostgreSQL's
 * {@code decode(.., 'hex')} does it in one rewrite of the table; H2's {@code hextoraw} makes
 * characters, so on H2 the rows are converted here, a page of ids at a time. Either way the
 * schema comes out the same: columns of those names, the two indexes rebuilt on them.
 */
public class V12__item_hash_keys extends BaseJavaMigration {
  private static final String[] COLUMNS = {"guid_hash", "url_hash", "content_hash"};
  private static final int PAGE = 1_000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
      postgres(c);
    } else {
      h2(c);
    }
  }

  private static void postgres(Connection c) throws SQLException {
    StringBuilder alter = new StringBuilder("alter table item");
    for (String col : COLUMNS) {
      // a value that is not a hex digest (none is written so) gets the key of its text, as Hashes.key makes it
      alter.append(alter.length() > 16 ? "," : "").append(" alter column ").append(col).append(" type bytea using case when ")
          .append(col).append(" ~ '^[0-9a-fA-F]{32}' then decode(substr(").append(col).append(", 1, 32), 'hex') else")
          .append(" substr(sha256(convert_to(").append(col).append(", 'UTF8') || '\\x00'::bytea), 1, 16) end");
    }
    try (Statement s = c.createStatement()) {
      s.execute(alter.toString()); // rewrites the table and rebuilds item_source_guid and item_url_hash on the bytes
    }
  }

  private static void h2(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("alter table item add column (guid_key binary(16), url_key binary(16), content_key binary(16))");
    }
    try (PreparedStatement read = c.prepareStatement("select id, guid_hash, url_hash, content_hash from item"
        + " where id > ? order by id limit " + PAGE);
        PreparedStatement write = c.prepareStatement("update item set guid_key = ?, url_key = ?, content_key = ? where id = ?")) {
      long after = Long.MIN_VALUE;
      int n;
      do {
        n = 0;
        read.setLong(1, after);
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            after = rs.getLong(1);
            for (int k = 0; k < 3; k++) {
              HashKey key = key(rs.getString(k + 2));
              if (key == null) {
                write.setNull(k + 1, Types.BINARY);
              } else {
                write.setBytes(k + 1, key.bytes());
              }
            }
            write.setLong(4, after);
            write.addBatch();
            n++;
          }
        }
        if (n > 0) {
          write.executeBatch();
        }
      } while (n == PAGE);
    }
    try (Statement s = c.createStatement()) {
      s.execute("drop index item_source_guid");
      s.execute("drop index item_url_hash");
      s.execute("alter table item drop column guid_hash, url_hash, content_hash");
      for (String col : COLUMNS) {
        s.execute("alter table item alter column " + col.replace("_hash", "_key") + " rename to " + col);
      }
      s.execute("alter table item alter column guid_hash set not null");
      s.execute("alter table item alter column content_hash set not null");
      s.execute("create unique index item_source_guid on item (source_id, guid_hash)");
      s.execute("create index item_url_hash on item (url_hash)");
    }
  }

  /** The key a stored hex digest stands for: its first 16 bytes; any other text, the key of that text. */
  static HashKey key(String stored) {
    if (stored == null) {
      return null;
    }
    if (stored.length() >= 2 * HashKey.BYTES && stored.substring(0, 2 * HashKey.BYTES).chars().allMatch(HexFormat::isHexDigit)) {
      return HashKey.of(HexFormat.of().parseHex(stored, 0, 2 * HashKey.BYTES));
    }
    return Hashes.key(stored);
  }
}
