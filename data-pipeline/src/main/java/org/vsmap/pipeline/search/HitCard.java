package org.vsmap.pipeline.search;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;

/**
 * What a hit shows (a station's opening hours too, for 开放中), packed into one binary doc value per
 * document. Reading it costs a doc-value lookup instead of decompressing a block of stored fields,
 * which dominated nearest-neighbour answers on the national index.
 */
record HitCard(
    Kind kind,
    String id,
    String name,
    String region,
    GeoPoint point,
    boolean synthetic,
    String detail,
    long start,
    long end,
    boolean approximate,
    boolean recruiting,
    String hours) {
  static final String FIELD = "card";
  static final long NONE = Long.MIN_VALUE;

  BytesRef encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(kind.ordinal());
      out.writeByte((synthetic ? 1 : 0) | (approximate ? 2 : 0) | (recruiting ? 4 : 0));
      out.writeBoolean(point != null);
      if (point != null) {
        out.writeDouble(point.lon());
        out.writeDouble(point.lat());
      }
      out.writeLong(start);
      out.writeLong(end);
      out.writeUTF(id);
      out.writeUTF(name);
      out.writeUTF(region);
      out.writeUTF(detail == null ? "" : detail);
      out.writeUTF(hours == null ? "" : hours);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BytesRef(bytes.toByteArray());
  }

  static HitCard decode(BytesRef b) {
    try (DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(b.bytes, b.offset, b.length))) {
      Kind kind = Kind.values()[in.readByte()];
      int flags = in.readByte();
      boolean synthetic = (flags & 1) != 0;
      GeoPoint p = in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
      long start = in.readLong();
      long end = in.readLong();
      String id = in.readUTF();
      String name = in.readUTF();
      String region = in.readUTF();
      String detail = emptyToNull(in.readUTF());
      return new HitCard(
          kind,
          id,
          name,
          region,
          p,
          synthetic,
          detail,
          start,
          end,
          (flags & 2) != 0,
          (flags & 4) != 0,
          emptyToNull(in.readUTF()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The card of a document, by its id in the whole reader. */
  static HitCard of(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), FIELD);
    if (!values.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("document " + doc + " has no hit card");
    }
    return decode(values.binaryValue());
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
