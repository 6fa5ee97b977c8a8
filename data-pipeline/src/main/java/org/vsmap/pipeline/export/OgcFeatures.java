package org.vsmap.pipeline.export;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.FeatureCollections;
import org.vsmap.pipeline.export.DatasetSpecs.Column;
import org.vsmap.pipeline.export.DatasetSpecs.Spec;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.Streaming.RowReader;

/**
 * The four datasets as OGC API – Features collections, answered from the store with bound
 * parameters: boxes through the spatial index ({@code &&}), time as overlap with the activity's
 * start and end, queryables as equality, pages ordered by id with LIMIT/OFFSET and a COUNT for
 * numberMatched. Properties are the download dictionary's fields, so every route out of the portal
 * says the same thing about a record.
 */
public final class OgcFeatures implements FeatureCollections {

  /** Where a collection's rows come from and how its query terms map to SQL. */
  private record Source<T>(
      Spec<T> spec,
      String columns,
      String from,
      String alive,
      String geom,
      String region,
      String id,
      RowReader<T> reader,
      Map<String, Queryable> queryables,
      Map<String, String> sql,
      String zh,
      String en,
      boolean temporal) {}

  private static final Map<String, Source<?>> SOURCES = new LinkedHashMap<>();

  static {
    SOURCES.put(
        "stations",
        new Source<>(
            DatasetSpecs.STATIONS,
            JdbiStationStore.columns(),
            "station",
            "retired_at IS NULL",
            "geom",
            "region_code",
            "id",
            JdbiStationStore::read,
            queryables(
                q("type", "string", "站点类型", "station type", names(StationType.values())),
                q(
                    "region_code",
                    "string",
                    "所属区划代码（完全相等；前缀请用 region）",
                    "region code (exact; use region for a prefix)",
                    null),
                q("synthetic", "boolean", "合成演示数据", "synthetic demo data", null)),
            Map.of("type", "type", "region_code", "region_code", "synthetic", "synthetic"),
            "志愿服务站点（点）。",
            "Volunteer service stations (points).",
            false));
    SOURCES.put(
        "teams",
        new Source<>(
            DatasetSpecs.TEAMS_AT,
            DatasetSpecs.TEAM_COLUMNS,
            DatasetSpecs.TEAM_FROM,
            "t.retired_at IS NULL",
            "s.geom",
            "t.region_code",
            "t.id",
            DatasetSpecs::teamAt,
            queryables(
                q("level", "string", "队伍层级", "team tier", names(TeamLevel.values())),
                q("parent_id", "string", "上级队伍编号", "parent team id", null),
                q("home_station_id", "string", "驻地站点编号", "home station id", null),
                q("region_code", "string", "所属区划代码（完全相等）", "region code (exact)", null),
                q("synthetic", "boolean", "合成演示数据", "synthetic demo data", null)),
            Map.of(
                "level",
                "t.level",
                "parent_id",
                "t.parent_id",
                "home_station_id",
                "t.home_station_id",
                "region_code",
                "t.region_code",
                "synthetic",
                "t.synthetic"),
            "志愿服务队伍，位置为驻地站点；无驻地者无几何。",
            "Volunteer teams at their home station; teams without one have no geometry.",
            false));
    SOURCES.put(
        "activities",
        new Source<>(
            DatasetSpecs.ACTIVITIES,
            JdbiActivityStore.columns(),
            "activity",
            "retired_at IS NULL",
            "geom",
            "region_code",
            "id",
            JdbiActivityStore::read,
            queryables(
                q("theme", "string", "主题（18 类）", "theme (18)", names(Theme.values())),
                q("recurrence", "string", "频次", "recurrence", names(Recurrence.values())),
                q("organiser_team_id", "string", "组织队伍编号", "organiser team id", null),
                q("station_id", "string", "站点编号", "station id", null),
                q("region_code", "string", "所属区划代码（完全相等）", "region code (exact)", null),
                q("synthetic", "boolean", "合成演示数据", "synthetic demo data", null)),
            Map.of(
                "theme",
                "theme",
                "recurrence",
                "recurrence",
                "organiser_team_id",
                "organiser_team_id",
                "station_id",
                "station_id",
                "region_code",
                "region_code",
                "synthetic",
                "synthetic"),
            "志愿服务活动；datetime 按活动开始与结束时间（北京时间）筛选。",
            "Volunteer activities; datetime selects by their start and end (China time).",
            true));
    SOURCES.put(
        "regions",
        new Source<>(
            DatasetSpecs.REGIONS,
            DatasetSpecs.REGION_COLUMNS,
            "region",
            "1 = 1",
            "centroid",
            "code",
            "code",
            DatasetSpecs::region,
            queryables(
                q("level", "string", "层级", "level", names(RegionLevel.values())),
                q("parent_code", "string", "上级区划代码", "parent region code", null)),
            Map.of("level", "level", "parent_code", "parent_code"),
            "行政区划的代表点与代码（不含边界）。",
            "Administrative regions as representative points with their codes (no boundaries).",
            false));
    SOURCES.put(
        "honours",
        new Source<>(
            DatasetSpecs.HONOURS,
            org.vsmap.pipeline.store.JdbiHonours.columns(),
            "honour",
            "retired_at IS NULL",
            "geom",
            "region_code",
            "id",
            org.vsmap.pipeline.store.JdbiHonours::read,
            queryables(
                q("year", "integer", "年度", "year", null),
                q(
                    "level",
                    "string",
                    "级别",
                    "level",
                    names(org.vsmap.geo.model.Honour.HonourLevel.values())),
                q(
                    "subject",
                    "string",
                    "对象类型",
                    "subject",
                    names(org.vsmap.geo.model.Honour.HonourSubject.values())),
                q("subject_id", "string", "对象编号", "subject id", null),
                q("synthetic", "boolean", "合成演示数据", "synthetic demo data", null)),
            Map.of(
                "year",
                "honour_year",
                "level",
                "level",
                "subject",
                "subject",
                "subject_id",
                "subject_id",
                "synthetic",
                "synthetic"),
            "志愿服务荣誉表彰，位置为受表彰对象（写入时）；志愿者个人无姓名，除非本人同意公开。",
            "Volunteer service honours at the place of what was honoured (when written); volunteers have no name unless they agreed to publish it.",
            false));
  }

  private static Queryable q(String name, String type, String zh, String en, List<String> values) {
    return new Queryable(name, type, zh, en, values);
  }

  private static Map<String, Queryable> queryables(Queryable... qs) {
    Map<String, Queryable> m = new LinkedHashMap<>();
    for (Queryable x : qs) {
      m.put(x.name(), x);
    }
    return m;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private final Jdbi jdbi;
  private final DatasetExports exports;
  private final Map<String, Object[]> extents = new ConcurrentHashMap<>();

  public OgcFeatures(Jdbi jdbi, DatasetExports exports) {
    this.jdbi = jdbi;
    this.exports = exports;
  }

  @Override
  public List<Collection> collections() {
    String version = exports.version();
    List<Collection> out = new ArrayList<>();
    for (Map.Entry<String, Source<?>> e : SOURCES.entrySet()) {
      Source<?> s = e.getValue();
      Object[] cached = extents.get(e.getKey());
      if (cached == null || !cached[0].equals(version)) {
        cached = new Object[] {version, extent(s), s.temporal() ? interval() : null};
        extents.put(e.getKey(), cached);
      }
      Downloads.Dataset d = s.spec().dataset();
      out.add(
          new Collection(
              e.getKey(),
              d.titleZh(),
              d.titleEn(),
              s.zh(),
              s.en(),
              (BBox) cached[1],
              (LocalDateTime[]) cached[2],
              d.fields(),
              List.copyOf(s.queryables().values())));
    }
    return out;
  }

  private BBox extent(Source<?> s) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT MIN(ST_X("
                        + s.geom()
                        + ")) AS w, MIN(ST_Y("
                        + s.geom()
                        + ")) AS s, MAX(ST_X("
                        + s.geom()
                        + ")) AS e, MAX(ST_Y("
                        + s.geom()
                        + ")) AS n FROM "
                        + s.from()
                        + " WHERE "
                        + s.alive())
                .map(
                    (rs, ctx) -> {
                      double w = rs.getDouble("w");
                      return rs.wasNull()
                          ? null
                          : new BBox(w, rs.getDouble("s"), rs.getDouble("e"), rs.getDouble("n"));
                    })
                .one());
  }

  private LocalDateTime[] interval() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT MIN(starts_at) AS a, MAX(ends_at) AS b FROM activity WHERE retired_at IS NULL")
                .map(
                    (rs, ctx) -> {
                      Timestamp a = rs.getTimestamp("a");
                      Timestamp b = rs.getTimestamp("b");
                      return new LocalDateTime[] {
                        a == null ? null : a.toLocalDateTime(),
                        b == null ? null : b.toLocalDateTime()
                      };
                    })
                .one());
  }

  @Override
  public Page items(String collection, FeatureCollections.Query query) {
    return page(source(collection), query);
  }

  private <T> Page page(Source<T> s, FeatureCollections.Query query) {
    StringBuilder where = new StringBuilder(" WHERE ").append(s.alive());
    Map<String, Object> binds = new LinkedHashMap<>();
    if (!query.boxes().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < query.boxes().size(); i++) {
        BBox b = query.boxes().get(i);
        parts.add(
            s.geom()
                + " && ST_MakeEnvelope(:w"
                + i
                + ", :s"
                + i
                + ", :e"
                + i
                + ", :n"
                + i
                + ", 4326)");
        binds.put("w" + i, b.west());
        binds.put("s" + i, b.south());
        binds.put("e" + i, b.east());
        binds.put("n" + i, b.north());
      }
      where.append(" AND (").append(String.join(" OR ", parts)).append(')');
    }
    if (query.region() != null) {
      where.append(" AND ").append(s.region()).append(" LIKE :region");
      binds.put("region", query.region().replaceAll("[^0-9]", "") + "%");
    }
    if (s.temporal()) {
      if (query.from() != null) {
        where.append(" AND ends_at >= :from");
        binds.put("from", Timestamp.valueOf(query.from()));
      }
      if (query.to() != null) {
        where.append(" AND starts_at <= :to");
        binds.put("to", Timestamp.valueOf(query.to()));
      }
    }
    int n = 0;
    for (Map.Entry<String, String> p : query.properties().entrySet()) {
      Queryable q = s.queryables().get(p.getKey());
      if (q == null) {
        throw new IllegalArgumentException(
            "'"
                + p.getKey()
                + "' is not a queryable of this collection: "
                + s.queryables().keySet());
      }
      where.append(" AND ").append(s.sql().get(p.getKey())).append(" = :q").append(n);
      binds.put("q" + n++, value(q, p.getValue()));
    }
    String condition = where.toString();
    return jdbi.withHandle(
        h -> {
          org.jdbi.v3.core.statement.Query count =
              h.createQuery("SELECT COUNT(*) FROM " + s.from() + condition);
          binds.forEach(count::bind);
          long matched = count.mapTo(Long.class).one();
          List<Feature> features = new ArrayList<>();
          if (query.offset() < matched) {
            org.jdbi.v3.core.statement.Query page =
                h.createQuery(
                    "SELECT "
                        + s.columns()
                        + " FROM "
                        + s.from()
                        + condition
                        + " ORDER BY "
                        + s.id()
                        + " LIMIT :limit OFFSET :offset");
            binds.forEach(page::bind);
            page.bind("limit", query.limit()).bind("offset", query.offset());
            page.map((rs, ctx) -> feature(s, s.reader().read(rs))).forEach(features::add);
          }
          return new Page(matched, features);
        });
  }

  private static Object value(Queryable q, String raw) {
    String v = raw.strip();
    switch (q.type()) {
      case "boolean" -> {
        if (!v.equals("true") && !v.equals("false")) {
          throw new IllegalArgumentException(
              q.name() + " must be true or false, not '" + raw + "'");
        }
        return Boolean.parseBoolean(v);
      }
      case "integer" -> {
        try {
          return Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              q.name() + " must be a whole number, not '" + raw + "'");
        }
      }
      default -> {
        if (q.values() != null) {
          String upper = v.toUpperCase(Locale.ROOT);
          if (!q.values().contains(upper)) {
            throw new IllegalArgumentException(
                q.name() + " must be one of " + q.values() + ", not '" + raw + "'");
          }
          return upper;
        }
        return v;
      }
    }
  }

  @Override
  public Optional<Feature> item(String collection, String id) {
    return one(source(collection), id);
  }

  private <T> Optional<Feature> one(Source<T> s, String id) {
    return jdbi.withHandle(
        (Handle h) ->
            h.createQuery(
                    "SELECT "
                        + s.columns()
                        + " FROM "
                        + s.from()
                        + " WHERE "
                        + s.alive()
                        + " AND "
                        + s.id()
                        + " = :id")
                .bind("id", id)
                .map((rs, ctx) -> feature(s, s.reader().read(rs)))
                .findOne());
  }

  private static <T> Feature feature(Source<T> s, T record) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (Column<T> c : s.spec().columns()) {
      String name = c.field().name();
      if (!name.equals("lon") && !name.equals("lat")) {
        props.put(name, c.value().apply(record));
      }
    }
    return new Feature(
        String.valueOf(s.spec().columns().get(0).value().apply(record)),
        s.spec().point().apply(record),
        props);
  }

  @SuppressWarnings("unchecked")
  private static <T> Source<T> source(String collection) {
    Source<?> s = SOURCES.get(collection);
    if (s == null) {
      throw new IllegalArgumentException("no collection " + collection + ": " + SOURCES.keySet());
    }
    return (Source<T>) s;
  }
}
