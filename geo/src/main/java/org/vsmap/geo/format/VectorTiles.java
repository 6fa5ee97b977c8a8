package org.vsmap.geo.format;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.vsmap.geo.spatial.WebMercator;

/**
 * Mapbox Vector Tiles (MVT 2.1) of WGS84 features: projected to Web Mercator world pixels of the
 * tile's zoom, clipped to the tile plus a buffer, quantised to the 4,096-unit tile grid and encoded
 * by the mapbox-vector-tile-java library. Attributes travel as the features' tags.
 */
public final class VectorTiles {
  public static final int EXTENT = 4096;

  /**
   * Features this far outside the tile (in tile units) are kept, so symbols at the edge are not
   * cut.
   */
  public static final int BUFFER = 128;

  private static final GeometryFactory GF = new GeometryFactory();
  private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);

  private VectorTiles() {}

  /** One feature: its WGS84 geometry and its tags (string, number or boolean values). */
  public record Feature(Geometry lonLat, Map<String, Object> tags) {}

  /** A named layer of features. */
  public record Layer(String name, List<Feature> features) {}

  /**
   * The tile {@code z/x/y} (XYZ scheme, y from the north) holding the layers; empty layers are left
   * out.
   */
  public static byte[] encode(int z, int x, int y, List<Layer> layers) {
    Envelope tile = new Envelope(x * 256.0, (x + 1) * 256.0, -(y + 1) * 256.0, -y * 256.0);
    double b = 256.0 * BUFFER / EXTENT;
    Envelope clip =
        new Envelope(
            tile.getMinX() - b, tile.getMaxX() + b, tile.getMinY() - b, tile.getMaxY() + b);
    List<JtsLayer> out = new ArrayList<>();
    for (Layer layer : layers) {
      List<Geometry> geoms = new ArrayList<>();
      for (Feature f : layer.features()) {
        Geometry projected = project(f.lonLat(), z);
        if (!projected.getEnvelopeInternal().intersects(clip)) {
          continue;
        }
        Geometry t = JtsAdapter.createTileGeom(projected, tile, clip, GF, PARAMS, null);
        if (t == null || t.isEmpty()) {
          continue;
        }
        t.setUserData(f.tags());
        geoms.add(t);
      }
      if (!geoms.isEmpty()) {
        out.add(new JtsLayer(layer.name(), geoms, EXTENT));
      }
    }
    return MvtEncoder.encode(new JtsMvt(out), PARAMS, new UserDataKeyValueMapConverter());
  }

  /**
   * Web Mercator world pixels at zoom z, with y pointing up (north) as the tile transform expects.
   */
  static Geometry project(Geometry lonLat, int z) {
    Geometry g = lonLat.copy();
    g.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            Coordinate c = seq.getCoordinate(i);
            double px = WebMercator.x(c.x, z);
            double py = -WebMercator.y(c.y, z);
            seq.setOrdinate(i, 0, px);
            seq.setOrdinate(i, 1, py);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    g.geometryChanged();
    return g;
  }

  /** The WGS84 box a tile covers: west, south, east, north. */
  public static double[] bounds(int z, int x, int y) {
    double n = 1L << z;
    double west = x / n * 360.0 - 180.0;
    double east = (x + 1) / n * 360.0 - 180.0;
    double north = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
    double south = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 1) / n))));
    return new double[] {west, south, east, north};
  }
}
