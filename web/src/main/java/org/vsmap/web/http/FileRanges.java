package org.vsmap.web.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A file sent whole or as one byte range (206, 416 past the end): published versions and the
 * offline basemap, which remote readers (GDAL's /vsicurl, FlatGeobuf and PMTiles clients) read in
 * parts. Several ranges at once get the whole file.
 */
public final class FileRanges {
  private FileRanges() {}

  /**
   * Sends {@code path} ({@code size} bytes): the part asked for by {@code Range} (when {@code
   * If-Range}, if any, names {@code etag}), or all of it; nothing but headers for HEAD.
   */
  public static void send(Context ctx, Path path, long size, String etag) throws IOException {
    ctx.header("Accept-Ranges", "bytes");
    long start = 0;
    long length = size;
    String range = ctx.header("Range");
    String ifRange = ctx.header("If-Range");
    if (range != null
        && (ifRange == null || ifRange.equals(etag))
        && range.startsWith("bytes=")
        && !range.contains(",")) {
      long[] r = range(range.substring(6).strip(), size);
      if (r == null) {
        ctx.header("Content-Range", "bytes */" + size);
        throw new WebError(
            416, "Range Not Satisfiable", "the file has " + size + " bytes; asked for " + range);
      }
      start = r[0];
      length = r[1] - r[0] + 1;
      ctx.status(206);
      ctx.header("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + size);
    }
    ctx.res().setContentLengthLong(length);
    if (ctx.attribute(HttpSemantics.HEAD) != null) {
      return; // a HEAD: the headers are all it gets
    }
    OutputStream out = ctx.res().getOutputStream();
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
      java.nio.channels.WritableByteChannel target = java.nio.channels.Channels.newChannel(out);
      long done = 0;
      while (done < length) {
        long n = ch.transferTo(start + done, length - done, target);
        if (n <= 0) {
          break;
        }
        done += n;
      }
    }
    out.flush();
  }

  /**
   * One byte range ("a-b", "a-" or "-n") of a file of {@code size} bytes as [first, last], or null
   * when unsatisfiable or malformed.
   */
  public static long[] range(String spec, long size) {
    int dash = spec.indexOf('-');
    if (dash < 0 || size == 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).strip();
      String b = spec.substring(dash + 1).strip();
      if (a.isEmpty()) {
        long n = Long.parseLong(b);
        return n <= 0 ? null : new long[] {Math.max(0, size - n), size - 1};
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      return first < 0 || first >= size || last < first ? null : new long[] {first, last};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
