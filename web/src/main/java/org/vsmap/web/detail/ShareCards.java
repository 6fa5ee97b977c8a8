package org.vsmap.web.detail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.http.ConditionalGet;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.OpenGraph;

/**
 * Share cards: the Open Graph image of a detail page or of /stats — 1200 × 630 PNG drawn with
 * Java2D: the title, the district, the date, a small map (the county's boundary and the place, or
 * the city's counties) — so a link pasted into a chat app shows a proper card. Chinese needs a CJK
 * font on the server (Debian: fonts-wqy-microhei or fonts-noto-cjk); the best one installed is
 * chosen once. Cards are kept per record and index state, so each is drawn once until it changes.
 */
public final class ShareCards {
  public static final int WIDTH = OpenGraph.WIDTH;
  public static final int HEIGHT = OpenGraph.HEIGHT;
  private static final Color RED = new Color(0xc0392b);
  private static final Color INK = new Color(0x1d2327);
  private static final Color MUTED = new Color(0x5a6570);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** CJK fonts in the order they are preferred. */
  private static final List<String> CJK =
      List.of(
          "Noto Sans CJK SC",
          "Source Han Sans SC",
          "WenQuanYi Micro Hei",
          "WenQuanYi Zen Hei",
          "Noto Sans SC",
          "AR PL UMing CN");

  /** Chosen on the first card, not at start-up: enumerating the system's fonts takes a while. */
  private static final class Fonts {
    static final String FONT = chooseFont();
  }

  private final Readiness readiness;
  private final Cache<String, byte[]> kept = Caffeine.newBuilder().maximumSize(256).build();

  public ShareCards(Readiness readiness) {
    this.readiness = readiness;
  }

  /** The installed font that draws Chinese, or the JVM's sans-serif when there is none. */
  public static String chooseFont() {
    String[] families =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
    java.util.Set<String> installed = java.util.Set.of(families);
    for (String f : CJK) {
      if (installed.contains(f)) {
        return f;
      }
    }
    for (String f : families) {
      if (new Font(f, Font.PLAIN, 12).canDisplayUpTo("志愿服务地图") == -1) {
        return f;
      }
    }
    return Font.SANS_SERIF;
  }

  /** GET /share/{kind}/{file} — {kind} stations, teams or activities; {file} {id}.png. */
  public void card(Context ctx) {
    String kind = ctx.pathParam("kind");
    String file = ctx.pathParam("file");
    if (!file.endsWith(".png")) {
      throw WebError.notFound("a share card is {id}.png");
    }
    String id = file.substring(0, file.length() - 4);
    Lang lang = Lang.of(ctx);
    WebPorts ports = readiness.ports();
    Card c =
        switch (kind) {
          case "stations" -> {
            Station s =
                ports
                    .stations()
                    .stationById(id)
                    .orElseThrow(() -> WebError.notFound("no station with id " + id));
            yield new Card(
                lang == Lang.ZH ? s.type().zh() : s.type().en(),
                s.name(),
                chain(s.regionCode()),
                s.openingHours() == null ? null : s.openingHours(),
                s.location(),
                s.regionCode(),
                s.synthetic(),
                "/stations/" + s.id());
          }
          case "teams" -> {
            Team t =
                ports
                    .teams()
                    .teamById(id)
                    .orElseThrow(() -> WebError.notFound("no team with id " + id));
            GeoPoint home =
                t.homeStationId() == null
                    ? null
                    : ports
                        .stations()
                        .stationById(t.homeStationId())
                        .map(Station::location)
                        .orElse(null);
            yield new Card(
                lang == Lang.ZH ? t.level().zh() : t.level().en(),
                t.name(),
                chain(t.regionCode()),
                (lang == Lang.ZH ? "队员 " : "Members ") + t.memberCount(),
                home,
                t.regionCode(),
                t.synthetic(),
                "/teams/" + t.id());
          }
          case "activities" -> {
            Activity a =
                ports
                    .activities()
                    .activityById(id)
                    .orElseThrow(() -> WebError.notFound("no activity with id " + id));
            yield new Card(
                lang == Lang.ZH ? a.theme().zh() : a.theme().en(),
                a.title(),
                chain(a.regionCode()),
                WHEN.format(a.start()) + "–" + WHEN.format(a.end()).substring(11),
                a.location(),
                a.regionCode(),
                a.synthetic(),
                "/activities/" + a.id());
          }
          default ->
              throw WebError.notFound(
                  "share cards are for stations, teams and activities, not " + kind);
        };
    send(ctx, kind + "/" + id + "/" + lang, c);
  }

  /**
   * GET /share/stats.png: the statistics page's card (the city's counties and the record counts).
   */
  public void stats(Context ctx) {
    Lang lang = Lang.of(ctx);
    var counts = readiness.ports().search();
    String line =
        String.format(
            lang == Lang.ZH
                ? "站点 %,d · 队伍 %,d · 活动 %,d"
                : "%,d stations · %,d teams · %,d activities",
            counts.count(
                org.vsmap.geo.port.SearchIndex.Request.builder()
                    .kinds(java.util.Set.of(org.vsmap.geo.model.Kind.STATION))
                    .build()),
            counts.count(
                org.vsmap.geo.port.SearchIndex.Request.builder()
                    .kinds(java.util.Set.of(org.vsmap.geo.model.Kind.TEAM))
                    .build()),
            counts.count(
                org.vsmap.geo.port.SearchIndex.Request.builder()
                    .kinds(java.util.Set.of(org.vsmap.geo.model.Kind.ACTIVITY))
                    .build()));
    Card c =
        new Card(
            lang == Lang.ZH ? "公开统计" : "Published statistics",
            lang == Lang.ZH ? "志愿服务统计" : "Volunteer service statistics",
            lang == Lang.ZH ? "指标、目标与方法" : "Indicators, targets and method",
            line,
            null,
            null,
            true,
            "/stats");
    send(ctx, "stats/" + lang, c);
  }

  private record Card(
      String kind,
      String title,
      String where,
      String when,
      GeoPoint point,
      String regionCode,
      boolean synthetic,
      String path) {}

  private String chain(String code) {
    return String.join(" ", readiness.regionNames().chain(code));
  }

  private void send(Context ctx, String key, Card c) {
    long seq = readiness.ports().search().storeSequence();
    String etag = "\"" + Integer.toHexString(key.hashCode()) + "-" + seq + "\"";
    ctx.header("Cache-Control", "public, max-age=3600");
    if (ConditionalGet.notModified(ctx, etag)) {
      return;
    }
    // drawn outside the map's lock (0.1–0.25 s): two first requests may both draw, none waits on
    // another card
    byte[] png = kept.getIfPresent(key + "@" + seq);
    if (png == null) {
      png = draw(c);
      kept.put(key + "@" + seq, png);
    }
    ctx.contentType("image/png").result(png);
  }

  private byte[] draw(Card c) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(RED);
      g.fillRect(0, 0, WIDTH, 90);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Fonts.FONT, Font.BOLD, 38));
      g.drawString("志愿服务地图 · Volunteer Service Map", 48, 60);
      drawMap(g, c, 760, 130, 400, 400);
      int y = 170;
      g.setColor(MUTED);
      g.setFont(new Font(Fonts.FONT, Font.PLAIN, 30));
      g.drawString(c.kind(), 48, y);
      g.setColor(INK);
      g.setFont(new Font(Fonts.FONT, Font.BOLD, 56));
      for (String line : wrap(g.getFontMetrics(), c.title(), 670, 3)) {
        y += 72;
        g.drawString(line, 48, y);
      }
      g.setFont(new Font(Fonts.FONT, Font.PLAIN, 32));
      g.setColor(INK);
      if (c.where() != null && !c.where().isBlank()) {
        y += 62;
        g.drawString(wrap(g.getFontMetrics(), c.where(), 670, 1).get(0), 48, y);
      }
      if (c.when() != null) {
        y += 50;
        g.drawString(wrap(g.getFontMetrics(), c.when(), 670, 1).get(0), 48, y);
      }
      if (c.synthetic()) {
        g.setColor(new Color(0xfff3cd));
        g.fillRoundRect(48, 520, 470, 44, 10, 10);
        g.setColor(new Color(0x5c4400));
        g.setFont(new Font(Fonts.FONT, Font.PLAIN, 26));
        g.drawString("合成演示数据 · synthetic demo data", 62, 551);
      }
      g.setColor(MUTED);
      g.setFont(new Font(Fonts.FONT, Font.PLAIN, 24));
      g.drawString(
          c.path(), 48,
          605); // the path only: the Host header is the client's to choose, and cards are shared
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The county's boundary with the place as a red dot; for the statistics card, the city's
   * counties.
   */
  private void drawMap(Graphics2D g, Card c, int x, int y, int w, int h) {
    List<Geometry> shapes = new ArrayList<>();
    var regions = readiness.ports().regions();
    if (c.regionCode() != null && c.regionCode().length() >= 6) {
      regions
          .regionByCode(c.regionCode().substring(0, 6))
          .map(Region::boundary)
          .ifPresent(shapes::add);
    }
    if (shapes.isEmpty()) {
      regions.regionsAtLevel(RegionLevel.COUNTY).stream()
          .map(Region::boundary)
          .filter(java.util.Objects::nonNull)
          .forEach(shapes::add);
    }
    g.setColor(new Color(0xf6f7f8));
    g.fillRoundRect(x, y, w, h, 16, 16);
    if (shapes.isEmpty()) {
      return;
    }
    Envelope e = new Envelope();
    shapes.forEach(s -> e.expandToInclude(s.getEnvelopeInternal()));
    if (c.point() != null) {
      e.expandToInclude(c.point().lon(), c.point().lat());
    }
    double k = Math.cos(Math.toRadians(e.centre().y));
    double scale = Math.min((w - 40) / (e.getWidth() * k), (h - 40) / e.getHeight());
    double ox = x + (w - e.getWidth() * k * scale) / 2;
    double oy = y + (h - e.getHeight() * scale) / 2;
    java.util.function.DoubleUnaryOperator px = lon -> ox + (lon - e.getMinX()) * k * scale;
    java.util.function.DoubleUnaryOperator py = lat -> oy + (e.getMaxY() - lat) * scale;
    for (Geometry s : shapes) {
      for (int i = 0; i < s.getNumGeometries(); i++) {
        if (!(s.getGeometryN(i) instanceof Polygon p)) {
          continue;
        }
        Path2D path = new Path2D.Double();
        Coordinate[] ring = p.getExteriorRing().getCoordinates();
        for (int j = 0; j < ring.length; j++) {
          if (j == 0) {
            path.moveTo(px.applyAsDouble(ring[j].x), py.applyAsDouble(ring[j].y));
          } else {
            path.lineTo(px.applyAsDouble(ring[j].x), py.applyAsDouble(ring[j].y));
          }
        }
        path.closePath();
        g.setColor(new Color(0xfde2dd));
        g.fill(path);
        g.setColor(RED);
        g.setStroke(new BasicStroke(2f));
        g.draw(path);
      }
    }
    if (c.point() != null) {
      double cx = px.applyAsDouble(c.point().lon());
      double cy = py.applyAsDouble(c.point().lat());
      g.setColor(Color.WHITE);
      g.fillOval((int) cx - 16, (int) cy - 16, 32, 32);
      g.setColor(RED);
      g.fillOval((int) cx - 11, (int) cy - 11, 22, 22);
    }
  }

  /**
   * Splits text to lines no wider than {@code width}, at most {@code max} (the last one ends in …).
   */
  public static List<String> wrap(FontMetrics m, String text, int width, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      if (m.stringWidth(line + ch) > width && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        if (lines.size() == max) {
          String last = lines.remove(max - 1);
          while (last.length() > 1 && m.stringWidth(last + "…") > width) {
            last = last.substring(0, last.length() - 1);
          }
          lines.add(last + "…");
          return lines;
        }
      }
      line.append(ch);
      i += Character.charCount(cp);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
