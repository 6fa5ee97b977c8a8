package org.vsmap.pipeline.store;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.vsmap.geo.port.Photos;
import org.vsmap.pipeline.photos.PhotoAttach;

/** Stores checked photos in the caller's transaction (an import's or an upload's), audited. */
public final class JdbiPhotoAttach {
  private static final SecureRandom RANDOM = new SecureRandom();

  private JdbiPhotoAttach() {}

  /**
   * Stores checked photos inside the caller's transaction, audited as {@code user}.
   *
   * @throws IllegalArgumentException when one is already attached or a record would pass {@link
   *     PhotoAttachPhotoAttach#MAX_PER_RECORD}
   */
  public static List<Photos.Photo> store(
      Handle h, List<PhotoAttach.Checked> items, String user, LocalDateTime now) {
    Map<String, Integer> adding = new HashMap<>();
    items.forEach(c -> adding.merge(c.item().kind() + " " + c.item().subjectId(), 1, Integer::sum));
    for (PhotoAttach.Checked c : items) {
      String key = c.item().kind() + " " + c.item().subjectId();
      if (adding.containsKey(key)) {
        int count = JdbiPhotos.count(h, c.item().kind(), c.item().subjectId());
        if (count + adding.remove(key) > PhotoAttach.MAX_PER_RECORD) {
          throw new IllegalArgumentException(
              c.item().subjectId()
                  + " 已有 "
                  + count
                  + " 张照片，最多 "
                  + PhotoAttach.MAX_PER_RECORD
                  + " 张，请先移除一些 / "
                  + c.item().subjectId()
                  + " has "
                  + count
                  + " photos of at most "
                  + PhotoAttach.MAX_PER_RECORD
                  + ": remove some first");
        }
      }
    }
    Set<String> seen = new HashSet<>();
    List<Photos.Photo> out = new ArrayList<>();
    for (PhotoAttach.Checked c : items) {
      PhotoAttach.Item i = c.item();
      String name = i.upload().filename();
      if (!seen.add(i.kind() + " " + i.subjectId() + " " + c.sha256())
          || JdbiPhotos.has(h, i.kind(), i.subjectId(), c.sha256())) {
        throw new IllegalArgumentException(
            name
                + "：这张照片已添加到 "
                + i.subjectId()
                + " / "
                + name
                + ": this photo is already attached to "
                + i.subjectId());
      }
      byte[] id = new byte[16];
      RANDOM.nextBytes(id);
      Photos.Photo photo =
          new Photos.Photo(
              HexFormat.of().formatHex(id),
              i.kind(),
              i.subjectId(),
              i.upload().alt().strip(),
              c.images().width(),
              c.images().height(),
              now.withNano(0));
      JdbiPhotos.insert(h, photo, i.region(), c.sha256(), user, c.images());
      String detail = "photo " + photo.id() + ": " + photo.alt();
      h.createUpdate(
              "INSERT INTO audit_log (at, username, action, kind, record_id, detail) VALUES (:at, :u, 'PHOTO', :kind, :id, :d)")
          .bind("at", Timestamp.valueOf(now))
          .bind("u", user)
          .bind("kind", i.kind().name())
          .bind("id", i.subjectId())
          .bind("d", detail.length() > 500 ? detail.substring(0, 500) : detail)
          .execute();
      out.add(photo);
    }
    return out;
  }
}
