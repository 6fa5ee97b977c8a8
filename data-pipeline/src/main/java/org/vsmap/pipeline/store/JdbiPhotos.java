package org.vsmap.pipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;

/**
 * Photos in the relational store: a {@code photo} row per photo and its three re-encoded sizes in
 * {@code photo_image} — in the store, not in a node's folder, so every node of one PostGIS serves
 * them and a backup holds them. Retired photos stay but are never served.
 */
public final class JdbiPhotos implements Photos {
  private static final String COLUMNS =
      "p.id, p.subject_kind, p.subject_id, p.alt_text, p.width, p.height, p.uploaded_at";
  private final Jdbi jdbi;

  public JdbiPhotos(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<Photo> gallery(Kind kind, String id, int limit) {
    String which =
        switch (kind) {
          case STATION ->
              "(p.subject_kind = 'STATION' AND p.subject_id = :id) OR (p.subject_kind = 'ACTIVITY' AND p.subject_id IN "
                  + "(SELECT a.id FROM activity a WHERE a.station_id = :id AND a.retired_at IS NULL))";
          case TEAM ->
              "p.subject_kind = 'ACTIVITY' AND p.subject_id IN "
                  + "(SELECT a.id FROM activity a WHERE a.organiser_team_id = :id AND a.retired_at IS NULL)";
          case ACTIVITY -> "p.subject_kind = 'ACTIVITY' AND p.subject_id = :id";
        };
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM photo p WHERE p.retired_at IS NULL AND ("
                        + which
                        + ") ORDER BY p.uploaded_at DESC, p.id DESC LIMIT :limit")
                .bind("id", id)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public Optional<Photo> photo(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM photo p WHERE p.retired_at IS NULL AND p.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public Optional<byte[]> image(String id, Size size) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT i.bytes FROM photo_image i JOIN photo p ON p.id = i.photo_id "
                        + "WHERE p.retired_at IS NULL AND i.photo_id = :id AND i.size = :size")
                .bind("id", id)
                .bind("size", size.name())
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
  }

  /** How many public photos a record has of its own. */
  public static int count(Handle h, Kind kind, String subjectId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM photo WHERE subject_kind = :k AND subject_id = :id AND retired_at IS NULL")
        .bind("k", kind.name())
        .bind("id", subjectId)
        .mapTo(Integer.class)
        .one();
  }

  /** Whether the record already has a public photo made from the same upload. */
  public static boolean has(Handle h, Kind kind, String subjectId, String sha256) {
    return h.createQuery(
                "SELECT COUNT(*) FROM photo WHERE subject_kind = :k AND subject_id = :id AND sha256 = :sha AND retired_at IS NULL")
            .bind("k", kind.name())
            .bind("id", subjectId)
            .bind("sha", sha256)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Stores a photo and its sizes inside the caller's transaction. */
  public static void insert(
      Handle h, Photo p, String regionCode, String sha256, String user, Images images) {
    h.createUpdate(
            "INSERT INTO photo (id, subject_kind, subject_id, region_code, alt_text, width, height, sha256, uploaded_by, "
                + "uploaded_at) VALUES (:id, :k, :sid, :region, :alt, :w, :h, :sha, :user, :at)")
        .bind("id", p.id())
        .bind("k", p.kind().name())
        .bind("sid", p.subjectId())
        .bind("region", regionCode)
        .bind("alt", p.alt())
        .bind("w", p.width())
        .bind("h", p.height())
        .bind("sha", sha256)
        .bind("user", user)
        .bind("at", Timestamp.valueOf(p.uploadedAt()))
        .execute();
    var batch =
        h.prepareBatch(
            "INSERT INTO photo_image (photo_id, size, bytes) VALUES (:id, :size, :bytes)");
    for (Size s : Size.values()) {
      batch.bind("id", p.id()).bind("size", s.name()).bind("bytes", images.of(s)).add();
    }
    batch.execute();
  }

  /**
   * The region a photo's record was in when it was attached, or empty when there is no such public
   * photo.
   */
  public static Optional<String[]> subject(Handle h, String photoId) {
    return h.createQuery(
            "SELECT subject_kind, subject_id, region_code FROM photo WHERE id = :id AND retired_at IS NULL")
        .bind("id", photoId)
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .findOne();
  }

  public static void retire(Handle h, String photoId, LocalDateTime at) {
    h.createUpdate("UPDATE photo SET retired_at = :at WHERE id = :id")
        .bind("id", photoId)
        .bind("at", Timestamp.valueOf(at))
        .execute();
  }

  private static Photo map(ResultSet rs) throws SQLException {
    return new Photo(
        rs.getString("id"),
        Kind.valueOf(rs.getString("subject_kind")),
        rs.getString("subject_id"),
        rs.getString("alt_text"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getTimestamp("uploaded_at").toLocalDateTime());
  }
}
