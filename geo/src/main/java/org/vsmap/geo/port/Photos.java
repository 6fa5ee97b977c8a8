package org.vsmap.geo.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.vsmap.geo.model.Kind;

/**
 * Photos from the field (issue 10), attached to stations and activities by the offices (the
 * activity form of seed 001 asks for two on-site photos). Only images the intake re-encoded are
 * stored — JPEGs without any metadata — in three sizes. Writes go through {@link Offices}, which
 * scopes them to the account's region.
 */
public interface Photos {
  /**
   * The sizes kept of every photo: the long side in pixels (a smaller original is not enlarged).
   */
  enum Size {
    THUMB(320),
    MEDIUM(960),
    FULL(1600);

    public final int longSide;

    Size(int longSide) {
      this.longSide = longSide;
    }
  }

  /**
   * A stored photo.
   *
   * @param kind what it is attached to: {@link Kind#STATION} or {@link Kind#ACTIVITY}
   * @param alt the description a screen reader reads (required at upload)
   * @param width the stored full size's width
   */
  record Photo(
      String id,
      Kind kind,
      String subjectId,
      String alt,
      int width,
      int height,
      LocalDateTime uploadedAt) {}

  /** A file an office uploads, with the sentence that describes it for screen readers. */
  record Upload(String filename, byte[] bytes, String alt) {}

  /**
   * A photo as the intake made it: EXIF-free JPEG bytes of each size and the full size's pixels.
   */
  record Images(byte[] thumb, byte[] medium, byte[] full, int width, int height) {
    public byte[] of(Size size) {
      return switch (size) {
        case THUMB -> thumb;
        case MEDIUM -> medium;
        case FULL -> full;
      };
    }
  }

  /**
   * The photos to show for a record, newest first: a station's own and those of the activities held
   * there; a team's: those of the activities it organises; an activity's own.
   */
  List<Photo> gallery(Kind kind, String id, int limit);

  Optional<Photo> photo(String id);

  /** The bytes of one size of a public photo. */
  Optional<byte[]> image(String id, Size size);
}
