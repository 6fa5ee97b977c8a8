package org.vsmap.web.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;
import org.vsmap.web.Readiness;

/** The photos of a record as pages (and the admin's edit forms) list them. */
public final class PhotoItems {
  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private PhotoItems() {}

  /**
   * The photos of a record as the templates show them: sizes' URLs, alt text, and the activity each
   * comes from.
   */
  public static List<PhotoItem> of(Readiness readiness, Kind kind, String id, int limit) {
    Photos photos = readiness.ports().photos();
    if (photos == null) {
      return List.of();
    }
    List<Photos.Photo> list = photos.gallery(kind, id, limit);
    Set<String> activityIds = new java.util.HashSet<>();
    list.stream()
        .filter(p -> p.kind() == Kind.ACTIVITY)
        .forEach(p -> activityIds.add(p.subjectId()));
    Map<String, Activity> activities = new HashMap<>();
    if (kind != Kind.ACTIVITY) {
      readiness
          .ports()
          .activities()
          .activitiesByIds(activityIds)
          .forEach(a -> activities.put(a.id(), a));
    }
    List<PhotoItem> out = new ArrayList<>();
    for (Photos.Photo p : list) {
      String base = "/photos/" + p.id() + "/";
      Activity a = p.kind() == Kind.ACTIVITY ? activities.get(p.subjectId()) : null;
      out.add(
          new PhotoItem(
              p.id(),
              base + "thumb.jpg",
              base + "medium.jpg",
              base + "full.jpg",
              p.alt(),
              p.width(),
              p.height(),
              scaled(p, Photos.Size.THUMB, p.width()),
              scaled(p, Photos.Size.THUMB, p.height()),
              scaled(p, Photos.Size.MEDIUM, p.width()),
              scaled(p, Photos.Size.MEDIUM, p.height()),
              DAY.format(p.uploadedAt()),
              a == null ? null : a.id(),
              a == null ? null : a.title()));
    }
    return out;
  }

  /**
   * A side of the stored size (the long side at most size.longSide, never enlarged): width and
   * height attributes avoid layout shifts.
   */
  private static int scaled(Photos.Photo p, Photos.Size size, int side) {
    double scale = Math.min(1.0, (double) size.longSide / Math.max(p.width(), p.height()));
    return (int) Math.round(side * scale);
  }

  /** A photo as galleries, detail pages and the admin's forms show it. */
  public record PhotoItem(
      String id,
      String thumb,
      String medium,
      String full,
      String alt,
      int width,
      int height,
      int thumbWidth,
      int thumbHeight,
      int mediumWidth,
      int mediumHeight,
      String uploaded,
      String activityId,
      String activityTitle) {}
}
