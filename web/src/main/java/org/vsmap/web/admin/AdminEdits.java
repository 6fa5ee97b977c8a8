package org.vsmap.web.admin;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.spatial.ChinaOffsets;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.PhotoItems;
import org.vsmap.web.view.Views;

/**
 * The edit forms of a station, team, activity and honour, and the photos of a station or activity.
 * An office that reaches for another region's record gets 403 and nothing changes.
 */
public final class AdminEdits {
  /** Photo slots in the upload form (the activity form of seed 001 asks for two photos). */
  public static final int PHOTO_SLOTS = 4;

  private final AdminAccess access;
  private final Views views;
  private final Readiness readiness;

  public AdminEdits(AdminAccess access) {
    this.access = access;
    this.views = access.views;
    this.readiness = access.readiness;
  }

  public void editStation(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Station st =
        readiness
            .ports()
            .stations()
            .stationById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no station with id " + ctx.pathParam("id")));
    mayChange(s, st.regionCode(), st.id());
    renderEdit(
        ctx, s, 200, "station", st.id(), st.name(), AdminForms.stationFields(st, null), null);
  }

  public void saveStation(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    Station old =
        readiness
            .ports()
            .stations()
            .stationById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no station with id " + ctx.pathParam("id")));
    mayChange(s, old.regionCode(), old.id());
    Station edited;
    try {
      double lon = AdminAccess.number(ctx, "lon");
      double lat = AdminAccess.number(ctx, "lat");
      if (!ChinaOffsets.inChina(lon, lat)) {
        throw new IllegalArgumentException(
            "经纬度不在中国境内 / the point is outside China (WGS84 longitude, latitude)");
      }
      GeoPoint p = new GeoPoint(lon, lat);
      boolean moved = !p.equals(old.location());
      edited =
          AdminChecks.placed(
              new Station(
                  old.id(),
                  AdminAccess.required(ctx, "name"),
                  StationType.valueOf(AdminAccess.required(ctx, "type")),
                  AdminAccess.required(ctx, "region_code"),
                  AdminAccess.text(ctx, "address"),
                  p,
                  AdminAccess.text(ctx, "opening_hours"),
                  AdminAccess.text(ctx, "services") == null
                      ? List.of()
                      : Arrays.asList(AdminAccess.text(ctx, "services").split("[;；、,，]\\s*")),
                  AdminAccess.text(ctx, "public_contact"),
                  FiveHas.parse(AdminAccess.required(ctx, "five_has")),
                  old.synthetic(),
                  old.approximate() && !moved),
              readiness.ports().regions(),
              s.account());
    } catch (IllegalArgumentException e) {
      renderEdit(
          ctx,
          s,
          400,
          "station",
          old.id(),
          old.name(),
          AdminForms.stationFields(old, ctx),
          e.getMessage());
      return;
    }
    save(ctx, () -> access.offices().save(s.account(), edited), "/stations/" + old.id());
  }

  public void editTeam(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Team t =
        readiness
            .ports()
            .teams()
            .teamById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no team with id " + ctx.pathParam("id")));
    mayChange(s, t.regionCode(), t.id());
    renderEdit(ctx, s, 200, "team", t.id(), t.name(), AdminForms.teamFields(t, null), null);
  }

  public void saveTeam(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    Team old =
        readiness
            .ports()
            .teams()
            .teamById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no team with id " + ctx.pathParam("id")));
    mayChange(s, old.regionCode(), old.id());
    Team edited;
    try {
      String founded = AdminAccess.text(ctx, "founded");
      edited =
          AdminChecks.founded(
              new Team(
                  old.id(),
                  AdminAccess.required(ctx, "name"),
                  old.level(),
                  old.parentId(),
                  old.regionCode(),
                  AdminAccess.text(ctx, "supervising_unit"),
                  founded == null ? null : LocalDate.parse(founded),
                  AdminAccess.text(ctx, "speciality"),
                  old.homeStationId(),
                  (int) AdminAccess.number(ctx, "member_count"),
                  old.synthetic(),
                  AdminAccess.text(ctx, "public_contact"),
                  AdminAccess.text(ctx, "signup_url")),
              java.time.LocalDate.now(access.clock));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      renderEdit(
          ctx,
          s,
          400,
          "team",
          old.id(),
          old.name(),
          AdminForms.teamFields(old, ctx),
          e.getMessage());
      return;
    }
    save(ctx, () -> access.offices().save(s.account(), edited), "/teams/" + old.id());
  }

  public void editActivity(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Activity a =
        readiness
            .ports()
            .activities()
            .activityById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no activity with id " + ctx.pathParam("id")));
    mayChange(s, a.regionCode(), a.id());
    renderEdit(
        ctx, s, 200, "activity", a.id(), a.title(), AdminForms.activityFields(a, null), null);
  }

  public void saveActivity(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    Activity old =
        readiness
            .ports()
            .activities()
            .activityById(ctx.pathParam("id"))
            .orElseThrow(() -> WebError.notFound("no activity with id " + ctx.pathParam("id")));
    mayChange(s, old.regionCode(), old.id());
    Activity edited;
    try {
      String participants = AdminAccess.text(ctx, "participants");
      edited =
          AdminChecks.held(
              new Activity(
                  old.id(),
                  AdminAccess.required(ctx, "title"),
                  AdminAccess.text(ctx, "description"),
                  Theme.valueOf(AdminAccess.required(ctx, "theme")),
                  old.organiserTeamId(),
                  old.stationId(),
                  old.regionCode(),
                  old.location(),
                  LocalDateTime.parse(AdminAccess.required(ctx, "start")),
                  LocalDateTime.parse(AdminAccess.required(ctx, "end")),
                  old.recurrence(),
                  (int) AdminAccess.number(ctx, "volunteers_wanted"),
                  (int) AdminAccess.number(ctx, "volunteers_signed_up"),
                  old.recordsServiceHours(),
                  old.publishedNationally(),
                  old.synthetic(),
                  participants == null ? null : (int) AdminAccess.number(ctx, "participants"),
                  old.approximate(),
                  AdminForms.joining(ctx)),
              java.time.LocalDateTime.now(access.clock));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      renderEdit(
          ctx,
          s,
          400,
          "activity",
          old.id(),
          old.title(),
          AdminForms.activityFields(old, ctx),
          e.getMessage());
      return;
    }
    save(ctx, () -> access.offices().save(s.account(), edited), "/activities/" + old.id());
  }

  private void save(Context ctx, Runnable write, String then) {
    try {
      write.run();
    } catch (Offices.Forbidden e) {
      throw new WebError(403, "Forbidden", e.getMessage());
    }
    ctx.redirect(then);
  }

  private static void mayChange(Offices.Session s, String region, String id) {
    if (!s.account().mayChange(region)) {
      throw new WebError(
          403,
          "Forbidden",
          s.account().username()
              + " may only change records in region "
              + s.account().regionCode()
              + "; "
              + id
              + " is in "
              + region);
    }
  }

  /** GET /admin/honours: the honours this account may edit, newest first. */
  public void honours(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    org.vsmap.geo.port.Honours port = readiness.ports().honours();
    List<org.vsmap.geo.model.Honour> mine =
        port == null
            ? List.of()
            : port.honours().stream().filter(h -> s.account().mayChange(h.regionCode())).toList();
    ctx.html(
        views.render(
            ctx,
            "admin/admin_honours",
            Lang.of(ctx),
            new AdminViews.HonoursPage(s.account(), s.csrf(), mine)));
  }

  public void editHonour(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    org.vsmap.geo.model.Honour h = honour(ctx.pathParam("id"));
    mayChange(s, h.regionCode(), h.id());
    renderEdit(ctx, s, 200, "honour", h.id(), h.title(), AdminForms.honourFields(h, null), null);
  }

  public void saveHonour(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    org.vsmap.geo.model.Honour old = honour(ctx.pathParam("id"));
    mayChange(s, old.regionCode(), old.id());
    org.vsmap.geo.model.Honour edited;
    try {
      String name = AdminAccess.text(ctx, "volunteer_name");
      if (name != null && old.subject() != org.vsmap.geo.model.Honour.HonourSubject.VOLUNTEER) {
        throw new IllegalArgumentException(
            "只有表彰志愿者个人时才填写姓名 / a name belongs only to an honour for a volunteer");
      }
      if (name != null && !"yes".equals(ctx.formParam("consent"))) {
        throw new IllegalArgumentException(
            "只有本人同意公开时才能填写姓名 / a volunteer's name is published only with the volunteer's consent");
      }
      edited =
          new org.vsmap.geo.model.Honour(
              old.id(),
              AdminAccess.required(ctx, "title"),
              (int) AdminAccess.number(ctx, "year"),
              org.vsmap.geo.model.Honour.HonourLevel.valueOf(AdminAccess.required(ctx, "level")),
              AdminAccess.required(ctx, "awarded_by"),
              old.subject(),
              old.subjectId(),
              old.regionCode(),
              name,
              AdminAccess.text(ctx, "citation"),
              old.synthetic(),
              old.point());
    } catch (IllegalArgumentException e) {
      renderEdit(
          ctx,
          s,
          400,
          "honour",
          old.id(),
          old.title(),
          AdminForms.honourFields(old, ctx),
          e.getMessage());
      return;
    }
    save(ctx, () -> access.offices().save(s.account(), edited), "/honours");
  }

  private org.vsmap.geo.model.Honour honour(String id) {
    org.vsmap.geo.port.Honours port = readiness.ports().honours();
    return (port == null
            ? java.util.stream.Stream.<org.vsmap.geo.model.Honour>empty()
            : port.honours().stream())
        .filter(h -> h.id().equals(id))
        .findFirst()
        .orElseThrow(() -> WebError.notFound("no honour with id " + id));
  }

  /**
   * POST /admin/{stations|activities}/{id}/photos: photo1…photo4 with alt1…alt4. All are stored or,
   * when any is refused, none — the form comes back (400) with each file's reason.
   */
  public void addPhoto(Context ctx, org.vsmap.geo.model.Kind kind) {
    Offices.Session s = access.session(ctx);
    AdminUploads.notTooLarge(ctx, "the photos are larger than 64 MB together");
    AdminAccess.csrf(ctx, s);
    String id = ctx.pathParam("id");
    List<org.vsmap.geo.port.Photos.Upload> uploads = new ArrayList<>();
    for (int i = 1; i <= PHOTO_SLOTS; i++) {
      UploadedFile f = ctx.uploadedFile("photo" + i);
      if (f == null || f.size() == 0) {
        continue;
      }
      try (InputStream in = f.content()) {
        uploads.add(
            new org.vsmap.geo.port.Photos.Upload(
                f.filename(),
                in.readNBytes((int) Math.min(AdminUploads.MAX_UPLOAD, f.size())),
                ctx.formParam("alt" + i)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String path =
        (kind == org.vsmap.geo.model.Kind.STATION ? "/admin/stations/" : "/admin/activities/") + id;
    try {
      access.offices().addPhotos(s.account(), kind, id, uploads);
    } catch (Offices.Forbidden e) {
      throw new WebError(403, "Forbidden", e.getMessage());
    } catch (NoSuchElementException e) {
      throw WebError.notFound(e.getMessage());
    } catch (IllegalArgumentException e) {
      showEdit(ctx, s, 400, kind, id, e.getMessage());
      return;
    }
    ctx.redirect(path + "#photos", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** POST /admin/photos/{id}/retire: the photo leaves the public pages (kept, audited). */
  public void retirePhoto(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    String id = ctx.pathParam("id");
    org.vsmap.geo.port.Photos.Photo photo =
        readiness.ports().photos() == null
            ? null
            : readiness.ports().photos().photo(id).orElse(null);
    if (photo == null) {
      throw WebError.notFound("no photo with id " + id);
    }
    try {
      access.offices().retirePhoto(s.account(), id);
    } catch (Offices.Forbidden e) {
      throw new WebError(403, "Forbidden", e.getMessage());
    } catch (NoSuchElementException e) {
      throw WebError.notFound(e.getMessage());
    }
    ctx.redirect(
        (photo.kind() == org.vsmap.geo.model.Kind.STATION
                ? "/admin/stations/"
                : "/admin/activities/")
            + photo.subjectId()
            + "#photos",
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void showEdit(
      Context ctx,
      Offices.Session s,
      int status,
      org.vsmap.geo.model.Kind kind,
      String id,
      String photoError) {
    ctx.attribute("photoError", photoError);
    if (kind == org.vsmap.geo.model.Kind.STATION) {
      Station st =
          readiness
              .ports()
              .stations()
              .stationById(id)
              .orElseThrow(() -> WebError.notFound("no station with id " + id));
      renderEdit(
          ctx, s, status, "station", st.id(), st.name(), AdminForms.stationFields(st, null), null);
    } else {
      Activity a =
          readiness
              .ports()
              .activities()
              .activityById(id)
              .orElseThrow(() -> WebError.notFound("no activity with id " + id));
      renderEdit(
          ctx, s, status, "activity", a.id(), a.title(), AdminForms.activityFields(a, null), null);
    }
  }

  private void renderEdit(
      Context ctx,
      Offices.Session s,
      int status,
      String kind,
      String id,
      String name,
      List<AdminForms.FormField> fields,
      String error) {
    List<PhotoItems.PhotoItem> photos = null;
    List<String> photoError = null;
    if (kind.equals("station") || kind.equals("activity")) {
      org.vsmap.geo.model.Kind k =
          kind.equals("station")
              ? org.vsmap.geo.model.Kind.STATION
              : org.vsmap.geo.model.Kind.ACTIVITY;
      photos = PhotoItems.of(readiness, k, id, 100);
      Object posted = ctx.attribute("photoError");
      photoError = posted == null ? null : List.of(posted.toString().split("\n"));
    }
    String kindPath =
        switch (kind) {
          case "station" -> "stations";
          case "team" -> "teams";
          case "honour" -> "honours";
          default -> "activities";
        };
    AdminViews.EditPage page =
        new AdminViews.EditPage(
            s.account(),
            s.csrf(),
            kind,
            kindPath,
            kind.equals("honour") ? "/honours" : "/" + kindPath + "/" + id,
            id,
            name,
            fields,
            error,
            photos,
            photos == null ? null : List.of(1, 2),
            photoError);
    ctx.status(status).html(views.render(ctx, "admin/admin_edit", Lang.of(ctx), page));
  }
}
