package dev.tributary.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;

/** What the JDBC statements of this package share: placeholders, and instants in and out as UTC. */
final class Sql {
  private Sql() {}

  /** {@code n} placeholders for an {@code in (...)} list. */
  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void time(PreparedStatement ps, int index, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }
  }
}
