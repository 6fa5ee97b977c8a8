package org.vsmap.pipeline.photos;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A ZIP an office uploads with its photos and their list: unpacked into a scratch folder with the
 * bytes counted as they come (a ZIP's own sizes can lie), so an archive bomb, a path out of the
 * folder or too many files stop it with a reason before anything is read as a photo.
 */
public final class PhotoArchive {
  /** Files in one archive at most. */
  public static final int MAX_ENTRIES = 400;

  /** Bytes unpacked at most, all files together. */
  public static final long MAX_TOTAL = 256L * 1024 * 1024;

  private PhotoArchive() {}

  /**
   * Unpacks into {@code folder} and returns the list file (the one CSV or XLSX in it).
   *
   * @throws IllegalArgumentException with the reason (zh / en) when the archive is refused
   */
  public static Path unpack(byte[] zip, Path folder) {
    Path base = folder.toAbsolutePath().normalize();
    List<Path> lists = new ArrayList<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        if (++entries > MAX_ENTRIES) {
          throw refused(
              "压缩包中的文件超过 " + MAX_ENTRIES + " 个",
              "the archive holds more than " + MAX_ENTRIES + " files");
        }
        String name = e.getName().replace('\\', '/');
        Path target = base.resolve(name).normalize();
        if (name.startsWith("/") || !target.startsWith(base) || target.equals(base)) {
          throw refused(
              "压缩包中的路径 " + name + " 指向文件夹之外",
              "the archive's path " + name + " points outside its folder");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("__macosx/")
            || name.substring(name.lastIndexOf('/') + 1).startsWith(".")) {
          continue; // what archivers add on their own
        }
        Files.createDirectories(target.getParent());
        long limit = PhotoIntake.MAX_BYTES + 1L;
        long written = copy(in, target, Math.min(limit, MAX_TOTAL - total + 1));
        if (written >= limit) {
          throw refused(
              "压缩包中的文件 " + name + " 超过 15 MB",
              "the archive's file " + name + " is larger than 15 MB");
        }
        total += written;
        if (total > MAX_TOTAL) {
          throw refused("压缩包解开后超过 256 MB", "the archive unpacks to more than 256 MB");
        }
        if ((lower.endsWith(".csv") || lower.endsWith(".xlsx")) && !name.contains("/")) {
          lists.add(target);
        }
      }
    } catch (IOException e) {
      throw refused(
          "不是可读的 ZIP 压缩包（" + e.getMessage() + "）",
          "not a readable ZIP archive (" + e.getMessage() + ")");
    }
    if (entries == 0) {
      throw refused("不是 ZIP 压缩包，或压缩包是空的", "not a ZIP archive, or an empty one");
    }
    if (lists.size() != 1) {
      throw refused(
          "压缩包最上层应有且只有一个照片名单（CSV 或 XLSX），现有 " + lists.size() + " 个",
          "the archive must hold exactly one photo list (CSV or XLSX) at its top; it has "
              + lists.size());
    }
    return lists.get(0);
  }

  private static long copy(InputStream in, Path target, long limit) throws IOException {
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      int r;
      while (n < limit && (r = in.read(buf, 0, (int) Math.min(buf.length, limit - n))) > 0) {
        out.write(buf, 0, r);
        n += r;
      }
    }
    return n;
  }

  private static IllegalArgumentException refused(String zh, String en) {
    return new IllegalArgumentException(zh + " / " + en);
  }
}
