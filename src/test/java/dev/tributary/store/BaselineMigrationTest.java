package dev.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An empty database takes the baseline migration (B10, the schema of V1..V10 in one script) instead
 * of the versioned ones; a database that applied some of them goes on with the rest. Both ways must
 * end with the same schema: columns in the same order with the same types and defaults, the same
 * keys, indexes and sequences. H2 here; PostgreSQL under -Ppostgres (the datasource it is given).
 */
class BaselineMigrationTest {
  private static final String FRESH = "baseline_fresh";
  private static final String VERSIONED = "baseline_versioned";
  private static final String LOCATION = "classpath:db/migration";

  private final String url = System.getProperty("quarkus.datasource.jdbc.url", "").startsWith("jdbc:postgresql:")
      ? System.getProperty("quarkus.datasource.jdbc.url")
      : "jdbc:h2:mem:baseline;DB_CLOSE_DELAY=-1";
  private final String user = url.startsWith("jdbc:h2:") ? "sa" : System.getProperty("quarkus.datasource.username");
  private final String password = url.startsWith("jdbc:h2:") ? "" : System.getProperty("quarkus.datasource.password");

  @AfterEach
  void dropSchemas() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      for (String schema : List.of(FRESH, VERSIONED)) {
        s.execute("drop schema if exists \"" + schema + "\" cascade");
      }
    }
  }

  @Test
  void anEmptyDatabaseTakesTheBaselineAndGetsTheSchemaTheVersionedMigrationsBuild() throws SQLException {
    MigrateResult fresh = flyway(FRESH).load().migrate();
    // the versioned way, as every database created before the baseline existed went
    MigrateResult versioned = flyway(VERSIONED).configuration(Map.of("flyway.baselineMigrationPrefix", "none-")).load().migrate();

    assertThat(fresh.migrations).first().satisfies(m -> assertThat(m.type).isEqualTo("SQL_BASELINE"));
    assertThat(fresh.migrationsExecuted).isLessThan(versioned.migrationsExecuted);
    assertThat(fresh.targetSchemaVersion).isEqualTo(versioned.targetSchemaVersion);
    assertThat(describe(FRESH)).isEqualTo(describe(VERSIONED));
  }

  @Test
  void aDatabaseThatAppliedSomeVersionedMigrationsIgnoresTheBaselineAndAppliesTheRest() throws SQLException {
    flyway(VERSIONED).configuration(Map.of("flyway.baselineMigrationPrefix", "none-")).target("5").load().migrate();
    MigrateResult rest = flyway(VERSIONED).load().migrate();
    flyway(FRESH).load().migrate();

    assertThat(rest.migrations).isNotEmpty().allSatisfy(m -> assertThat(m.type).isIn("SQL", "JDBC"));
    assertThat(rest.migrations).first().satisfies(m -> assertThat(m.version).isEqualTo("6"));
    assertThat(describe(VERSIONED)).isEqualTo(describe(FRESH));
    // and once there, a later start finds nothing to do, the baseline neither
    assertThat(flyway(VERSIONED).load().migrate().migrationsExecuted).isZero();
  }

  @Test
  void reportsStoredUnderHexKeysAreFoundUnderTheirByteKeysAfterV12() throws SQLException {
    flyway(VERSIONED).target("11").load().migrate();
    String q = url.startsWith("jdbc:h2:") ? "\"" + VERSIONED + "\"." : VERSIONED + ".";
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("insert into " + q + "source (id, url) values ('src', 'https://a.example/feed')");
      s.execute("insert into " + q + "story (id, public_id, created, updated) values (1, 'st', current_timestamp, current_timestamp)");
      // as V11's code wrote them: 64 hex digits, the link's absent for one; a test row's made-up text
      s.execute(item(q, 1, "guid-1", "'" + Hashes.hex("guid-1") + "'", "'" + Hashes.hex("link-1") + "'", Hashes.hex("body-1")));
      s.execute(item(q, 2, "guid-2", "'" + Hashes.hex("guid-2") + "'", "null", Hashes.hex("body-2")));
      s.execute(item(q, 3, "guid-3", "'made-up'", "null", "x"));
    }
    MigrateResult v12 = flyway(VERSIONED).load().migrate();

    assertThat(v12.migrations).extracting(m -> m.version).contains("12");
    Map<Long, List<HashKey>> keys = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select id, guid_hash, url_hash, content_hash from " + q + "item order by id")) {
      while (rs.next()) {
        keys.put(rs.getLong(1), java.util.Arrays.asList(HashKey.of(rs.getBytes(2)), HashKey.of(rs.getBytes(3)),
            HashKey.of(rs.getBytes(4))));
      }
    }
    assertThat(keys.get(1L)).containsExactly(Hashes.key("guid-1"), Hashes.key("link-1"), Hashes.key("body-1"));
    assertThat(keys.get(2L)).containsExactly(Hashes.key("guid-2"), null, Hashes.key("body-2"));
    assertThat(keys.get(3L)).containsExactly(Hashes.key("made-up"), null, Hashes.key("x"));
  }

  @Test
  void v13LeavesItemWithItsStoryKeyOnlyAndH2WithoutAnIndexOfItsOwnOnSourceId() throws SQLException {
    flyway(FRESH).target("12").load().migrate();
    assertThat(lowerCase(describe(FRESH).get("table item"))).contains("foreign key source_id -> source.id");
    flyway(FRESH).load().migrate();

    List<String> item = lowerCase(describe(FRESH).get("table item"));
    assertThat(item).contains("foreign key story_id -> story.id").doesNotContain("foreign key source_id -> source.id");
    // a key's own index (H2 keeps one on source_id beside the two that begin with it): none on source_id now
    assertThat(item).noneMatch(line -> line.startsWith("index (key)") && line.endsWith(":source_id"));
  }

  private static List<String> lowerCase(List<String> lines) {
    return lines.stream().map(String::toLowerCase).toList();
  }

  private static String item(String q, long id, String guid, String guidHash, String urlHash, String contentHash) {
    return "insert into " + q + "item (id, source_id, story_id, guid, guid_hash, url_hash, content_hash, first_seen)"
        + " values (" + id + ", 'src', 1, '" + guid + "', " + guidHash + ", " + urlHash + ", '" + contentHash
        + "', current_timestamp)";
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration flyway(String schema) {
    return Flyway.configure().dataSource(url, user, password).schemas(schema).locations(LOCATION);
  }

  /** Every table but Flyway's, its columns in order, keys and indexes; the sequences; as sorted text. */
  private Map<String, List<String>> describe(String schema) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          if (!rs.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      assertThat(tables).as("tables of " + schema).isNotEmpty();
      for (String table : tables) {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
          while (rs.next()) {
            lines.add("column " + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
                + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE")
                + " default=" + rs.getString("COLUMN_DEF"));
          }
        }
        TreeSet<String> keys = new TreeSet<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
          while (rs.next()) {
            keys.add("primary key " + rs.getString("COLUMN_NAME"));
          }
        }
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
          while (rs.next()) {
            keys.add("foreign key " + rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_NAME") + "."
                + rs.getString("PKCOLUMN_NAME"));
          }
        }
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
          while (rs.next()) {
            String name = rs.getString("INDEX_NAME");
            // names the database made up for a key's own index are left out: the key is compared above
            boolean generated = name == null || name.toUpperCase().startsWith("PRIMARY_KEY_")
                || name.toUpperCase().startsWith("CONSTRAINT_") || name.toLowerCase().endsWith("_pkey");
            keys.add("index " + (generated ? "(key)" : name) + " unique=" + !rs.getBoolean("NON_UNIQUE") + " "
                + rs.getShort("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME"));
          }
        }
        lines.addAll(keys);
        out.put("table " + table.toLowerCase(), lines);
      }
      out.put("sequences", sequences(c, schema));
    }
    return out;
  }

  private List<String> sequences(Connection c, String schema) throws SQLException {
    String sql = url.startsWith("jdbc:h2:")
        ? "select sequence_name, start_value, increment, cache from information_schema.sequences where sequence_schema = ?"
        : "select sequencename, start_value, increment_by, cache_size from pg_sequences where schemaname = ?";
    List<String> out = new ArrayList<>();
    try (var ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).toLowerCase() + " start=" + rs.getLong(2) + " increment=" + rs.getLong(3) + " cache=" + rs.getLong(4));
        }
      }
    }
    out.sort(null);
    assertThat(out).as("sequences of " + schema).hasSize(3);
    return out;
  }
}
