package org.vsmap.pipeline.photos;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;

/**
 * Attaching photos to records, shared by the admin upload and the photo-list import: each file is
 * checked and made into the stored sizes first ({@link #check}); then all are stored in the
 * caller's transaction ({@code JdbiPhotoAttach.store}) — duplicates and the per-record limit
 * checked there — and audited. One refusal anywhere and nothing is stored.
 */
public final class PhotoAttach {
  /** Photos a record may carry of its own. */
  public static final int MAX_PER_RECORD = 30;

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

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
