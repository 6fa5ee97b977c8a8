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
  public static List<Map<String, Object>> of(Readiness readiness, Kind kind, String id, int limit) {
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
    List<Map<String, Object>> out = new ArrayList<>();
    for (Photos.Photo p : list) {
      Map<String, Object> m = new HashMap<>();
      String base = "/photos/" + p.id() + "/";
      m.put("id", p.id());
      m.put("thumb", base + "thumb.jpg");
      m.put("medium", base + "medium.jpg");
      m.put("full", base + "full.jpg");
      m.put("alt", p.alt());
      m.put("width", p.width());
      m.put("height", p.height());
      for (Photos.Size size : List.of(Photos.Size.THUMB, Photos.Size.MEDIUM)) {
        // the stored size's pixels (the long side at most size.longSide, never enlarged):
        // width/height attributes avoid layout shifts
        double scale = Math.min(1.0, (double) size.longSide / Math.max(p.width(), p.height()));
        String name = size.name().toLowerCase(java.util.Locale.ROOT);
        m.put(name + "Width", (int) Math.round(p.width() * scale));
        m.put(name + "Height", (int) Math.round(p.height() * scale));
      }
      m.put("uploaded", DAY.format(p.uploadedAt()));
      Activity a = activities.get(p.subjectId());
      if (p.kind() == Kind.ACTIVITY && a != null) {
        m.put("activityId", a.id());
        m.put("activityTitle", a.title());
      }
      out.add(m);
    }
    return out;
  }
}
