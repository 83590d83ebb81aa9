package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from item.source_id to source.id. H2 keeps an index of its own for each
 * foreign key whose columns no index has exactly (item_source_guid and item_source_story only begin
 * with source_id), so every report stored kept a fourth randomly ordered index beside those two and
 * item_url_hash, and each assigning commit wrote its changed pages; no query needs it (a count by
 * source reads item_source_story as well). Nothing deletes a source (a source left out of
 * feeds.yaml is deactivated) and a report is stored only for the source just polled, so the key
 * never refused a row. PostgreSQL had no such index, only the check of each inserted row.
 *
 * <p>Java because the key's name is the database's: H2 made one up (CONSTRAINT_...), PostgreSQL
 * named it item_source_id_fkey.
 */
public class V13__item_source_key_unchecked extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    List<String> keys = sourceKeys(c);
    try (Statement s = c.createStatement()) {
      for (String key : keys) {
        s.execute("alter table item drop constraint \"" + key + "\"");
      }
    }
  }

  /** The names of item's foreign keys on source_id (one, unless someone added another). */
  private static List<String> sourceKeys(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String table = meta.storesUpperCaseIdentifiers() ? "ITEM" : "item";
    List<String> out = new ArrayList<>();
    try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
      while (rs.next()) {
        if (rs.getString("FKCOLUMN_NAME").equalsIgnoreCase("source_id") && !out.contains(rs.getString("FK_NAME"))) {
          out.add(rs.getString("FK_NAME"));
        }
      }
    }
    return out;
  }
}
