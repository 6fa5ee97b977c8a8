package org.vsmap.pipeline.photos;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;
import org.vsmap.pipeline.store.JdbiPhotos;

/**
 * Attaching photos to records, shared by the admin upload and the photo-list import: each file is
 * checked and made into the stored sizes first ({@link #check}); then all are stored in the
 * caller's transaction ({@link #store}) — duplicates and the per-record limit checked there — and
 * audited. One refusal anywhere and nothing is stored.
 */
public final class PhotoAttach {
  /** Photos a record may carry of its own. */
  public static final int MAX_PER_RECORD = 30;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A file to attach to a station or activity (its region as stored). */
  public record Item(Kind kind, String subjectId, String region, Photos.Upload upload) {}

  /** A file that passed: the sizes to store and the digest of the upload (for duplicates). */
  public record Checked(Item item, Photos.Images images, String sha256) {}

  private PhotoAttach() {}

  /**
   * Checks the description and the file, and makes the sizes.
   *
   * @throws IllegalArgumentException with the reason (zh / en) when it is refused
   */
  public static Checked check(Item item) {
    Photos.Upload u = item.upload();
    String alt = u.alt() == null ? "" : u.alt().strip();
    if (alt.isEmpty() || alt.length() > 300) {
      throw new IllegalArgumentException(
          u.filename()
              + "：请用一句话描述照片内容（供读屏软件朗读，1–300 字）/ "
              + u.filename()
              + ": describe the photo in a sentence (read out by screen readers; 1–300 characters)");
    }
    return new Checked(item, PhotoIntake.process(u.filename(), u.bytes()), sha256(u.bytes()));
  }

  /**
   * Stores checked photos inside the caller's transaction, audited as {@code user}.
   *
   * @throws IllegalArgumentException when one is already attached or a record would pass {@link
   *     #MAX_PER_RECORD}
   */
  public static List<Photos.Photo> store(
      Handle h, List<Checked> items, String user, LocalDateTime now) {
    Map<String, Integer> adding = new HashMap<>();
    items.forEach(c -> adding.merge(c.item().kind() + " " + c.item().subjectId(), 1, Integer::sum));
    for (Checked c : items) {
      String key = c.item().kind() + " " + c.item().subjectId();
      if (adding.containsKey(key)) {
        int count = JdbiPhotos.count(h, c.item().kind(), c.item().subjectId());
        if (count + adding.remove(key) > MAX_PER_RECORD) {
          throw new IllegalArgumentException(
              c.item().subjectId()
                  + " 已有 "
                  + count
                  + " 张照片，最多 "
                  + MAX_PER_RECORD
                  + " 张，请先移除一些 / "
                  + c.item().subjectId()
                  + " has "
                  + count
                  + " photos of at most "
                  + MAX_PER_RECORD
                  + ": remove some first");
        }
      }
    }
    Set<String> seen = new HashSet<>();
    List<Photos.Photo> out = new ArrayList<>();
    for (Checked c : items) {
      Item i = c.item();
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

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
