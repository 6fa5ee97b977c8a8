package org.vsmap.pipeline.export;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vsmap.geo.port.Downloads.Field;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.NodeItem;
import org.wololo.flatgeobuf.PackedRTree;
import org.wololo.flatgeobuf.generated.Column;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Crs;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.Geometry;
import org.wololo.flatgeobuf.generated.GeometryType;
import org.wololo.flatgeobuf.generated.Header;

/**
 * FlatGeobuf (v3) with its packed Hilbert R-tree, written with the format's own Java library
 * (schema classes, Hilbert sort and tree). Features are first written to a scratch file in the
 * order they come, remembering only each one's point, offset and size (tens of bytes apiece); then
 * header, index and the features in Hilbert order follow. Memory stays small whatever the size. A
 * record without a point gets no geometry and an empty box at the extent's corner, so readers still
 * see every record.
 */
final class FlatGeobufExport {
  static final int NODE_SIZE = 16;

  private FlatGeobufExport() {}

  static void write(SpatialTable table, OutputStream out, Path scratchDir) throws IOException {
    Path scratch = Files.createTempFile(scratchDir, "fgb-", ".features");
    try {
      List<PackedRTree.FeatureItem> items = new ArrayList<>();
      writeFeatures(table, scratch, items);
      NodeItem extent = extent(items);
      for (PackedRTree.FeatureItem it : items) {
        if (it.nodeItem == null) {
          it.nodeItem = new NodeItem(extent.minX, extent.minY, extent.minX, extent.minY);
        }
      }
      BufferedOutputStream o = new BufferedOutputStream(out, 1 << 16);
      o.write(Constants.MAGIC_BYTES);
      header(table, items.size(), extent, o);
      List<PackedRTree.FeatureItem> sorted = hilbertOrder(items, extent);
      long offset = 0;
      for (PackedRTree.FeatureItem it : sorted) {
        it.nodeItem.offset = offset;
        offset += it.size;
      }
      if (!sorted.isEmpty()) {
        new PackedRTree(sorted, (short) NODE_SIZE).write(o);
      }
      copyInOrder(scratch, sorted, o);
      o.flush();
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  /**
   * The items in Hilbert order of their box centres, as the library's own sort would put them, but
   * with each item's Hilbert value computed once (the library's comparator computes it per
   * comparison).
   */
  private static List<PackedRTree.FeatureItem> hilbertOrder(
      List<PackedRTree.FeatureItem> items, NodeItem extent) {
    // the Hilbert value of 16-bit coordinates fits 32 bits: key in the high bits, the item's index
    // in the low 31
    long[] keyed = new long[items.size()];
    double w = extent.width();
    double h = extent.height();
    for (int i = 0; i < keyed.length; i++) {
      long hilbert =
          PackedRTree.hibert(items.get(i).nodeItem, 65535, extent.minX, extent.minY, w, h);
      keyed[i] = hilbert << 31 | i;
    }
    java.util.Arrays.sort(keyed);
    List<PackedRTree.FeatureItem> out = new ArrayList<>(keyed.length);
    for (long k : keyed) {
      out.add(items.get((int) (k & 0x7fffffffL)));
    }
    return out;
  }

  /**
   * Copies the features from the scratch file in the given order, through a memory map while the
   * file fits one.
   */
  private static void copyInOrder(
      Path scratch, List<PackedRTree.FeatureItem> sorted, OutputStream o) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(scratch)) {
      long size = ch.size();
      byte[] buf = new byte[8192];
      if (size < Integer.MAX_VALUE) {
        java.nio.MappedByteBuffer map =
            ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
        for (PackedRTree.FeatureItem it : sorted) {
          if (it.size > buf.length) {
            buf = new byte[(int) it.size];
          }
          map.get((int) it.offset, buf, 0, (int) it.size);
          o.write(buf, 0, (int) it.size);
        }
        return;
      }
    }
    try (RandomAccessFile in = new RandomAccessFile(scratch.toFile(), "r")) {
      byte[] buf = new byte[8192];
      for (PackedRTree.FeatureItem it : sorted) {
        if (it.size > buf.length) {
          buf = new byte[(int) it.size];
        }
        in.seek(it.offset);
        in.readFully(buf, 0, (int) it.size);
        o.write(buf, 0, (int) it.size);
      }
    }
  }

  private static NodeItem extent(List<PackedRTree.FeatureItem> items) {
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (PackedRTree.FeatureItem it : items) {
      if (it.nodeItem != null) {
        minX = Math.min(minX, it.nodeItem.minX);
        minY = Math.min(minY, it.nodeItem.minY);
        maxX = Math.max(maxX, it.nodeItem.maxX);
        maxY = Math.max(maxY, it.nodeItem.maxY);
      }
    }
    return minX > maxX ? new NodeItem(0, 0, 0, 0) : new NodeItem(minX, minY, maxX, maxY);
  }

  private static void writeFeatures(
      SpatialTable table, Path scratch, List<PackedRTree.FeatureItem> items) throws IOException {
    List<Field> fields = table.fields();
    int[] types = fields.stream().mapToInt(FlatGeobufExport::columnType).toArray();
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16)) {
      FlatBufferBuilder b = new FlatBufferBuilder(1024);
      ByteBuffer[] props = {ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN)};
      long[] offset = {0};
      table
          .rows()
          .each(
              (id, point, values) -> {
                try {
                  b.clear();
                  ByteBuffer p = props[0];
                  p.clear();
                  for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    if (v == null) {
                      continue;
                    }
                    byte[] text =
                        types[i] == ColumnType.String
                            ? v.toString().getBytes(StandardCharsets.UTF_8)
                            : null;
                    int need = 2 + (text == null ? 8 : 4 + text.length);
                    if (p.remaining() < need) {
                      ByteBuffer bigger =
                          ByteBuffer.allocate(Math.max(p.capacity() * 2, p.position() + need))
                              .order(ByteOrder.LITTLE_ENDIAN);
                      p.flip();
                      bigger.put(p);
                      p = bigger;
                      props[0] = p;
                    }
                    p.putShort((short) i);
                    switch (types[i]) {
                      case ColumnType.Bool -> p.put((byte) ((Boolean) v ? 1 : 0));
                      case ColumnType.Long -> p.putLong(((Number) v).longValue());
                      case ColumnType.Double -> p.putDouble(((Number) v).doubleValue());
                      default -> {
                        p.putInt(text.length);
                        p.put(text);
                      }
                    }
                  }
                  p.flip();
                  int propsOffset = b.createByteVector(p);
                  int geometry = 0;
                  if (point != null) {
                    int xy = Geometry.createXyVector(b, new double[] {point.lon(), point.lat()});
                    Geometry.startGeometry(b);
                    Geometry.addXy(b, xy);
                    geometry = Geometry.endGeometry(b);
                  }
                  Feature.startFeature(b);
                  if (geometry != 0) {
                    Feature.addGeometry(b, geometry);
                  }
                  Feature.addProperties(b, propsOffset);
                  b.finishSizePrefixed(Feature.endFeature(b));
                  ByteBuffer data = b.dataBuffer();
                  int size = data.remaining();
                  o.write(data.array(), data.arrayOffset() + data.position(), size);
                  PackedRTree.FeatureItem item = new PackedRTree.FeatureItem();
                  item.nodeItem =
                      point == null
                          ? null
                          : new NodeItem(point.lon(), point.lat(), point.lon(), point.lat());
                  item.offset = offset[0];
                  item.size = size;
                  items.add(item);
                  offset[0] += size;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private static void header(SpatialTable table, long count, NodeItem extent, OutputStream o)
      throws IOException {
    FlatBufferBuilder b = new FlatBufferBuilder(4096);
    List<Field> fields = table.fields();
    int[] columns = new int[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      Field f = fields.get(i);
      int name = b.createString(f.name());
      int title = b.createString(f.zh() + " / " + f.en());
      int description = b.createString(f.unit().isEmpty() ? f.type() : f.type() + ", " + f.unit());
      Column.startColumn(b);
      Column.addName(b, name);
      Column.addType(b, columnType(f));
      Column.addTitle(b, title);
      Column.addDescription(b, description);
      Column.addNullable(b, !f.name().equals("id") && !f.name().equals("code"));
      Column.addPrimaryKey(b, f.name().equals("id") || f.name().equals("code"));
      columns[i] = Column.endColumn(b);
    }
    int columnsVector = Header.createColumnsVector(b, columns);
    int name = b.createString(table.name());
    int title = b.createString(table.title());
    int description = b.createString(table.description());
    int crsName = b.createString("WGS 84");
    Crs.startCrs(b);
    Crs.addCode(b, 4326);
    Crs.addName(b, crsName);
    int crs = Crs.endCrs(b);
    int envelope =
        Header.createEnvelopeVector(
            b, new double[] {extent.minX, extent.minY, extent.maxX, extent.maxY});
    Header.startHeader(b);
    Header.addName(b, name);
    Header.addTitle(b, title);
    Header.addDescription(b, description);
    Header.addEnvelope(b, envelope);
    Header.addGeometryType(b, GeometryType.Point);
    Header.addColumns(b, columnsVector);
    Header.addFeaturesCount(b, count);
    Header.addIndexNodeSize(b, count == 0 ? 0 : NODE_SIZE);
    Header.addCrs(b, crs);
    b.finishSizePrefixed(Header.endHeader(b));
    ByteBuffer data = b.dataBuffer();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    o.write(bytes);
  }

  /**
   * Text for dates and times too: they are China time without an offset, as the dictionary says.
   */
  private static int columnType(Field f) {
    return switch (f.type()) {
      case "integer" -> ColumnType.Long;
      case "number" -> ColumnType.Double;
      case "boolean" -> ColumnType.Bool;
      default -> ColumnType.String;
    };
  }
}
