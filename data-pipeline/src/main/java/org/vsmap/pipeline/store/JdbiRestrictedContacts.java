package org.vsmap.pipeline.store;

import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.RestrictedContact;

/**
 * The restricted table of personal contacts (负责人姓名 / 负责人手机号码). Only the admin pages read it, and
 * only for records inside the signed-in office's region; no public reader touches it.
 */
public final class JdbiRestrictedContacts {
  private final Jdbi jdbi;

  public JdbiRestrictedContacts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Contacts of records whose region lies in {@code regionPrefix} (a region code and everything
   * under it).
   */
  public List<RestrictedContact> inRegion(String regionPrefix) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT kind, record_id, region_code, person_name, mobile FROM restricted_contact "
                        + "WHERE region_code LIKE :prefix ORDER BY kind, record_id")
                .bind("prefix", regionPrefix.replaceAll("[^0-9]", "") + "%")
                .map(
                    (rs, ctx) ->
                        new RestrictedContact(
                            Kind.valueOf(rs.getString("kind")),
                            rs.getString("record_id"),
                            rs.getString("region_code"),
                            rs.getString("person_name"),
                            rs.getString("mobile")))
                .list());
  }

  static void put(Handle h, RestrictedContact c, Timestamp now) {
    h.createUpdate("DELETE FROM restricted_contact WHERE kind = :kind AND record_id = :id")
        .bind("kind", c.kind().name())
        .bind("id", c.recordId())
        .execute();
    h.createUpdate(
            "INSERT INTO restricted_contact (kind, record_id, region_code, person_name, mobile, updated_at) "
                + "VALUES (:kind, :id, :region, :name, :mobile, :now)")
        .bind("kind", c.kind().name())
        .bind("id", c.recordId())
        .bind("region", c.regionCode())
        .bind("name", c.personName())
        .bind("mobile", c.mobile())
        .bind("now", now)
        .execute();
  }
}
