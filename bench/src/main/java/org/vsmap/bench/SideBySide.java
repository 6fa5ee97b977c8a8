package org.vsmap.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.web.data.TilesApi;

/**
 * Issue 8: the portal's queries against their PostGIS equivalents, on the same data, in one run,
 * one after the other on one thread with the same random inputs. Ours reads the node's Lucene index
 * (what the map and the API use); PostGIS reads the store's tables the importer filled (the same
 * records), with the indexes a PostGIS site would add: GiST on the points (the schema's own) and
 * GIN trigram indexes on the names (made here if missing, for the text search).
 *
 * <ul>
 *   <li>nearest 10 stations: {@code ORDER BY geom <-> p LIMIT 10} (KNN on the GiST index);
 *   <li>viewport count (a 1280×800 screen at zoom 5, 10, 14): {@code count(*) WHERE geom && box}
 *       against the index's count of the same box;
 *   <li>clustered viewport: grid clustering on the same grid as ours (64-px cells of the global Web
 *       Mercator pixel grid, every cell the screen touches, the mean point of each, and the id,
 *       name and type of a single station — what the map shows, as ours returns): {@code GROUP BY
 *       floor(x / cell), floor(y / cell)} of {@code ST_Transform(geom, 3857)};
 *   <li>vector tile z5 / z12 of stations: {@code ST_AsMVT} of such grid clusters in the tile, with
 *       the same attributes as ours (kind, count, cluster; id, name, type of a single station);
 *   <li>text search, 20 hits and the total over stations, teams and activities: {@code ILIKE
 *       '%word%'} with pg_trgm GIN indexes.
 * </ul>
 *
 * Each answer is also compared (counts equal, nearest sets overlapping) so the two are known to
 * answer the same question. Usage: {@code SideBySide <index dir> <jdbc url> <user> [rounds]}.
 */
public final class SideBySide {
  static final String[] WORDS = {
    "幸福", "新村", "和平", "东风", "红旗", "建设", "团结", "长安", "社区志愿服务站", "文明交通", "关爱山川河流", "幸福村", "和平社区"
  };
  static final int[] ZOOMS = {5, 10, 14};

  /** One line of the report: medians and p99 in milliseconds, and whether the answers agreed. */
  public record Row(
      String query,
      double oursMedian,
      double oursP99,
      double pgMedian,
      double pgP99,
      String agreement) {
    public double ratio() {
      return pgMedian / oursMedian;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "| %-32s | %8.3f | %8.3f | %8.3f | %8.3f | %7.1f× | %s |",
          query,
          oursMedian,
          oursP99,
          pgMedian,
          pgP99,
          ratio(),
          agreement);
    }
  }

  private final SearchIndex index;
  private final Connection db;
  private final int rounds;
  private final GeoPoint[] points;

  SideBySide(SearchIndex index, Connection db, int rounds) throws SQLException {
    this.index = index;
    this.db = db;
    this.rounds = rounds;
    List<GeoPoint> sample = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT ST_X(geom), ST_Y(geom) FROM station ORDER BY md5(id) LIMIT 4096")) {
      while (rs.next()) {
        sample.add(new GeoPoint(rs.getDouble(1), rs.getDouble(2)));
      }
    }
    SplittableRandom r = new SplittableRandom(8);
    points = new GeoPoint[sample.size()];
    for (int i = 0; i < points.length; i++) {
      GeoPoint p = sample.get(i);
      points[i] =
          new GeoPoint(p.lon() + r.nextGaussian() * 0.02, p.lat() + r.nextGaussian() * 0.02);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    try (LuceneSearchIndex index =
            new LuceneSearchIndex(dir, org.vsmap.geo.time.ChinaTime.system());
        Connection db = DriverManager.getConnection(args[1], args[2], null)) {
      System.out.printf(Locale.ROOT, "index: %,d documents; PostGIS: %s%n", index.size(), args[1]);
      SideBySide run = new SideBySide(index, db, rounds);
      System.out.println(run.prepare());
      System.out.println(
          "| query                            | ours p50 | ours p99 |  PG p50  |  PG p99  | PG/ours  | answers |");
      System.out.println(
          "|----------------------------------|---------:|---------:|---------:|---------:|---------:|---------|");
      for (Row row : run.all()) {
        System.out.println(row);
      }
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "milliseconds, %d rounds each after %d warm-up rounds; heap used %d MB of max %d MB; RSS %s; JVM %s%n",
          rounds,
          Rounds.warmUp(rounds),
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          rt.maxMemory() >> 20,
          Rounds.rss(),
          ManagementFactory.getRuntimeMXBean().getVmVersion());
    }
  }

  /** The trigram indexes a PostgreSQL site would add for ILIKE search; returns what was done. */
  String prepare() throws SQLException {
    long t0 = System.nanoTime();
    try (Statement s = db.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      s.execute(
          "CREATE INDEX IF NOT EXISTS station_name_trgm ON station USING gin (name gin_trgm_ops)");
      s.execute("CREATE INDEX IF NOT EXISTS team_name_trgm ON team USING gin (name gin_trgm_ops)");
      s.execute(
          "CREATE INDEX IF NOT EXISTS activity_title_trgm ON activity USING gin (title gin_trgm_ops)");
      s.execute("ANALYZE station");
      s.execute("ANALYZE team");
      s.execute("ANALYZE activity");
    }
    return String.format(
        Locale.ROOT,
        "PostGIS: pg_trgm GIN indexes on station.name, team.name, activity.title present/made and "
            + "tables analysed in %.1f s",
        (System.nanoTime() - t0) / 1e9);
  }

  List<Row> all() throws SQLException {
    List<Row> rows = new ArrayList<>();
    if (wanted("nearest")) {
      rows.add(nearest());
    }
    for (int z : ZOOMS) {
      if (wanted("viewport count")) {
        rows.add(viewportCount(z));
      }
    }
    for (int z : ZOOMS) {
      if (wanted("clustered viewport")) {
        rows.add(clusteredViewport(z));
      }
    }
    if (wanted("vector tile")) {
      rows.add(tile(5));
      rows.add(tile(12));
    }
    if (wanted("text search")) {
      rows.add(text());
    }
    return rows;
  }

  /** {@code ONLY=clustered} (any part of the row names) reruns some of the queries. */
  private static boolean wanted(String query) {
    String only = System.getenv("ONLY");
    return only == null || only.isBlank() || query.contains(only);
  }

  Row nearest() throws SQLException {
    int[] overlap = {0};
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT id FROM station ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 10")) {
      for (int i = 0; i < Math.min(rounds, 200); i++) {
        GeoPoint p = points[i % points.length];
        Set<String> ours = new HashSet<>();
        index.nearest(p, Set.of(Kind.STATION), 10).forEach(h -> ours.add(h.id()));
        ps.setDouble(1, p.lon());
        ps.setDouble(2, p.lat());
        Set<String> theirs = new HashSet<>(ids(ps));
        ours.retainAll(theirs);
        overlap[0] += ours.size();
      }
      double share = overlap[0] / (10.0 * Math.min(rounds, 200));
      return time(
          "nearest 10 stations",
          i -> {
            index.nearest(points[i % points.length], Set.of(Kind.STATION), 10);
            return 0;
          },
          i -> {
            GeoPoint p = points[i % points.length];
            ps.setDouble(1, p.lon());
            ps.setDouble(2, p.lat());
            return ids(ps).size();
          },
          String.format(
              Locale.ROOT, "%.0f %% of ids shared (great circle vs planar degrees)", share * 100));
    }
  }

  Row viewportCount(int z) throws SQLException {
    try (PreparedStatement ps =
            db.prepareStatement(
                "SELECT count(*) FROM station WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
        PreparedStatement exact =
            db.prepareStatement(
                "SELECT count(*) FROM station WHERE ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))")) {
      int same = 0;
      int sameAsBoxes = 0;
      int checked = Math.min(rounds, 200);
      for (int i = 0; i < checked; i++) {
        BBox b = ScreenCells.screen(points[i % points.length], z);
        long ours = ourCount(b);
        same += ours == pgCount(exact, b) ? 1 : 0;
        sameAsBoxes += ours == pgCount(ps, b) ? 1 : 0;
      }
      return time(
          "viewport count z" + z,
          i -> (int) ourCount(ScreenCells.screen(points[i % points.length], z)),
          i -> (int) pgCount(ps, ScreenCells.screen(points[i % points.length], z)),
          same
              + "/"
              + checked
              + " equal to ST_Intersects' exact count ("
              + sameAsBoxes
              + "/"
              + checked
              + " to &&, whose float4 index boxes take in points up to ~1e-5° outside)");
    }
  }

  Row clusteredViewport(int z) throws SQLException {
    double cellMetres = ScreenCells.CELL_PX * 2 * ScreenCells.HALF_WORLD / (256.0 * (1L << z));
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT count(*), avg(ST_X(geom)), avg(ST_Y(geom)), "
                + "CASE WHEN count(*) = 1 THEN min(id) END, CASE WHEN count(*) = 1 THEN min(name) END, CASE WHEN count(*) = 1 THEN min(type) END "
                + "FROM (SELECT id, name, type, geom, ST_Transform(geom, 3857) m FROM station WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)) s "
                + "GROUP BY floor((ST_X(m) + "
                + ScreenCells.HALF_WORLD
                + ") / ?), floor(("
                + ScreenCells.HALF_WORLD
                + " - ST_Y(m)) / ?)")) {
      int same = 0;
      int checked = Math.min(rounds, 200);
      for (int i = 0; i < checked; i++) {
        BBox b = ScreenCells.screen(points[i % points.length], z);
        java.util.Map<Long, Long> ours = new java.util.TreeMap<>();
        for (SearchIndex.Cluster c :
            index.clusters(
                SearchIndex.Request.builder().kinds(Set.of(Kind.STATION)).bbox(b).build(), z)) {
          ours.merge(
              ScreenCells.cell(c.point().lon(), c.point().lat(), z), (long) c.count(), Long::sum);
        }
        java.util.Map<Long, Long> theirs = new java.util.TreeMap<>();
        bind(ps, ScreenCells.cells(b, z));
        ps.setDouble(5, cellMetres);
        ps.setDouble(6, cellMetres);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            theirs.merge(
                ScreenCells.cell(rs.getDouble(2), rs.getDouble(3), z), rs.getLong(1), Long::sum);
          }
        }
        same += ScreenCells.inner(ours, b, z).equals(ScreenCells.inner(theirs, b, z)) ? 1 : 0;
      }
      return time(
          "clustered viewport z" + z,
          i ->
              index
                  .clusters(
                      SearchIndex.Request.builder()
                          .kinds(Set.of(Kind.STATION))
                          .bbox(ScreenCells.screen(points[i % points.length], z))
                          .build(),
                      z)
                  .size(),
          i ->
              (int)
                  clusterTotal(
                      ps,
                      ScreenCells.cells(ScreenCells.screen(points[i % points.length], z), z),
                      cellMetres)[1],
          same + "/" + checked + " same clusters in every cell inside the screen");
    }
  }

  Row tile(int z) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) env), "
                + "c AS (SELECT 'station' kind, count(*) count, count(*) > 1 cluster, CASE WHEN count(*) = 1 THEN min(id) END id, "
                + "CASE WHEN count(*) = 1 THEN min(name) END name, CASE WHEN count(*) = 1 THEN min(type) END type, "
                + "ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(avg(ST_X(geom)), avg(ST_Y(geom))), 4326), "
                + "3857), b.env, 4096, 128) g FROM (SELECT id, name, type, geom, ST_Transform(geom, 3857) m FROM station "
                + "WHERE geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => 128.0 / 4096), 4326)) s, b "
                + "GROUP BY floor((ST_X(m) + "
                + ScreenCells.HALF_WORLD
                + ") / ?), floor(("
                + ScreenCells.HALF_WORLD
                + " - ST_Y(m)) / ?), b.env) "
                + "SELECT ST_AsMVT(c, 'stations', 4096, 'g') FROM c")) {
      double cell = ScreenCells.CELL_PX * 2 * ScreenCells.HALF_WORLD / (256.0 * (1L << z));
      long[] bytes = {0, 0, 0};
      Row row =
          time(
              "vector tile z" + z + " (stations)",
              i -> {
                int[] t = ScreenCells.tileOf(points[i % points.length], z);
                byte[] b = TilesApi.pointTile(index, "stations", z, t[0], t[1]);
                bytes[0] += b.length;
                bytes[2]++;
                return b.length;
              },
              i -> {
                int[] t = ScreenCells.tileOf(points[i % points.length], z);
                ps.setInt(1, z);
                ps.setInt(2, t[0]);
                ps.setInt(3, t[1]);
                ps.setInt(4, z);
                ps.setInt(5, t[0]);
                ps.setInt(6, t[1]);
                ps.setDouble(7, cell);
                ps.setDouble(8, cell);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  byte[] b = rs.getBytes(1);
                  bytes[1] += b == null ? 0 : b.length;
                  return b == null ? 0 : b.length;
                }
              },
              "");
      return new Row(
          row.query(),
          row.oursMedian(),
          row.oursP99(),
          row.pgMedian(),
          row.pgP99(),
          String.format(
              Locale.ROOT,
              "mean tile %,d B ours, %,d B PostGIS",
              bytes[0] / bytes[2],
              bytes[1] / bytes[2]));
    }
  }

  Row text() throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "WITH m AS (SELECT id, name FROM station WHERE name ILIKE ? "
                + "UNION ALL SELECT id, name FROM team WHERE name ILIKE ? UNION ALL SELECT id, title FROM activity WHERE title ILIKE ?) "
                + "SELECT id, name, count(*) OVER () FROM m LIMIT 20")) {
      StringBuilder totals = new StringBuilder();
      for (String w : WORDS) {
        long ours = index.search(SearchIndex.Request.builder().text(w).limit(20).build()).total();
        totals.append(w).append(' ').append(ours).append('/').append(pgText(ps, w)).append("; ");
      }
      return time(
          "text search, 20 hits + total",
          i ->
              index
                  .search(
                      SearchIndex.Request.builder().text(WORDS[i % WORDS.length]).limit(20).build())
                  .hits()
                  .size(),
          i -> (int) pgText(ps, WORDS[i % WORDS.length]),
          "totals ours/ILIKE: " + totals.toString().strip());
    }
  }

  private long pgText(PreparedStatement ps, String word) throws SQLException {
    String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    ps.setString(1, like);
    ps.setString(2, like);
    ps.setString(3, like);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(3) : 0;
    }
  }

  private long ourCount(BBox b) {
    return index.count(SearchIndex.Request.builder().kinds(Set.of(Kind.STATION)).bbox(b).build());
  }

  private static long pgCount(PreparedStatement ps, BBox b) throws SQLException {
    bind(ps, b);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** {points, clusters} of the grid query. */
  private static long[] clusterTotal(PreparedStatement ps, BBox b, double cellMetres)
      throws SQLException {
    bind(ps, b);
    ps.setDouble(5, cellMetres);
    ps.setDouble(6, cellMetres);
    long[] n = {0, 0};
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        n[0] += rs.getLong(1);
        n[1]++;
      }
    }
    return n;
  }

  private static void bind(PreparedStatement ps, BBox b) throws SQLException {
    ps.setDouble(1, b.west());
    ps.setDouble(2, b.south());
    ps.setDouble(3, b.east());
    ps.setDouble(4, b.north());
  }

  private static List<String> ids(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private Row time(String name, Rounds.Query ours, Rounds.Query pg, String agreement)
      throws SQLException {
    return Rounds.time(rounds, name, ours, pg, agreement);
  }
}
