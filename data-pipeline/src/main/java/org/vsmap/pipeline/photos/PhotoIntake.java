package org.vsmap.pipeline.photos;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.vsmap.geo.port.Photos;

/**
 * Turns an uploaded file into the photos the portal stores, or refuses it with a reason. Nothing of
 * the upload is kept but its pixels: the type is decided by the content (JPEG or PNG magic bytes,
 * whatever the name says), the dimensions are read from the header and checked before any pixel is
 * decoded (a decompression bomb declares far more pixels than its bytes suggest and is refused
 * unread), large images are decoded subsampled, the EXIF orientation is applied, and each size is a
 * fresh JPEG written from the pixels — so no EXIF (GPS position, device, owner), XMP, IPTC or
 * comment survives.
 */
public final class PhotoIntake {
  /** The largest file taken (phones write 3–8 MB). */
  public static final int MAX_BYTES = 15 * 1024 * 1024;

  /** The most pixels an upload may declare (a 40-megapixel camera). */
  public static final long MAX_PIXELS = 40_000_000L;

  /** The longest side an upload may declare. */
  public static final int MAX_SIDE = 12_000;

  /** The shortest side a useful photo has. */
  public static final int MIN_SIDE = 200;

  private static final float QUALITY = 0.85f;

  /** A refused upload: why, in Chinese and English. */
  public static final class Rejected extends IllegalArgumentException {
    private final String zh;
    private final String en;

    Rejected(String zh, String en) {
      super(zh + " / " + en);
      this.zh = zh;
      this.en = en;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }

  private PhotoIntake() {}

  /** What the first bytes say the file is: "jpeg", "png", or null. */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "jpeg";
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (b.length >= png.length && java.util.Arrays.equals(b, 0, png.length, png, 0, png.length)) {
      return "png";
    }
    return null;
  }

  public static Photos.Images process(String filename, byte[] bytes) {
    String name = filename == null ? "" : filename;
    if (bytes.length == 0) {
      throw new Rejected("文件 " + name + " 是空的", "the file " + name + " is empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new Rejected(
          "文件 " + name + " 超过 " + MAX_BYTES / 1024 / 1024 + " MB",
          "the file " + name + " is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
    }
    String type = sniff(bytes);
    if (type == null) {
      String ext =
          name.contains(".")
              ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
              : "";
      boolean claims = ext.equals("jpg") || ext.equals("jpeg") || ext.equals("png");
      throw new Rejected(
          "文件 " + name + " 不是 JPG 或 PNG 图片" + (claims ? "（文件名是 ." + ext + "，但内容不是图片）" : ""),
          "the file "
              + name
              + " is not a JPEG or PNG image"
              + (claims ? " (it is named ." + ext + " but its content is not an image)" : ""));
    }
    BufferedImage pixels = decode(name, type, bytes);
    pixels = upright(pixels, orientation(bytes));
    BufferedImage rgb =
        new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE); // a transparent PNG goes onto white, as a page shows it
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      g.drawImage(pixels, 0, 0, null);
    } finally {
      g.dispose();
    }
    byte[] full = jpeg(rgb, Photos.Size.FULL.longSide);
    BufferedImage stored;
    try {
      stored = ImageIO.read(new ByteArrayInputStream(full));
    } catch (IOException e) {
      throw new IllegalStateException("a JPEG just written could not be read back", e);
    }
    return new Photos.Images(
        jpeg(rgb, Photos.Size.THUMB.longSide),
        jpeg(rgb, Photos.Size.MEDIUM.longSide),
        full,
        stored.getWidth(),
        stored.getHeight());
  }

  /**
   * Reads the header, checks the dimensions, then decodes — subsampled when far larger than what is
   * kept.
   */
  private static BufferedImage decode(String name, String type, byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type);
      if (!readers.hasNext()) {
        throw new IllegalStateException("no " + type + " reader in this Java runtime");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true); // metadata ignored: never parsed, never kept
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
          throw new Rejected(
              String.format(
                  "图片 %s 声明的尺寸为 %,d × %,d 像素（%,d 万像素），超过上限 %,d 万像素、边长 %,d 像素；未解码（疑似解压炸弹）",
                  name, w, h, (long) w * h / 10_000, MAX_PIXELS / 10_000, MAX_SIDE),
              String.format(
                  "the image %s declares %,d × %,d pixels (%.1f megapixels), more than the %d megapixels and %,d pixels a side "
                      + "allowed; not decoded (a likely decompression bomb)",
                  name, w, h, (double) w * h / 1e6, MAX_PIXELS / 1_000_000, MAX_SIDE));
        }
        if (w < MIN_SIDE || h < MIN_SIDE) {
          throw new Rejected(
              "图片 " + name + " 只有 " + w + " × " + h + " 像素，至少需要 " + MIN_SIDE + " × " + MIN_SIDE,
              "the image "
                  + name
                  + " is only "
                  + w
                  + " × "
                  + h
                  + " pixels; at least "
                  + MIN_SIDE
                  + " × "
                  + MIN_SIDE
                  + " are needed");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(w, h) / Photos.Size.FULL.longSide);
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Rejected r) {
        throw r;
      }
      throw new Rejected(
          "图片 " + name + " 已损坏或无法读取（" + e.getMessage() + "）",
          "the image " + name + " is damaged or cannot be read (" + e.getMessage() + ")");
    }
  }

  /** The EXIF orientation (1–8), read before the metadata is dropped; 1 when there is none. */
  static int orientation(byte[] bytes) {
    try {
      Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
      ExifIFD0Directory d = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
      return d != null && d.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
          ? d.getInt(ExifIFD0Directory.TAG_ORIENTATION)
          : 1;
    } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
      return 1; // unreadable metadata: the pixels as stored
    }
  }

  /** Applies an EXIF orientation, so the photo stands as it was taken once the tag is gone. */
  static BufferedImage upright(BufferedImage img, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return img;
    }
    int w = img.getWidth();
    int h = img.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> {
        t.translate(w, 0);
        t.scale(-1, 1);
      }
      case 3 -> {
        t.translate(w, h);
        t.rotate(Math.PI);
      }
      case 4 -> {
        t.translate(0, h);
        t.scale(1, -1);
      }
      case 5 -> {
        t.rotate(-Math.PI / 2);
        t.scale(-1, 1);
      }
      case 6 -> {
        t.translate(h, 0);
        t.rotate(Math.PI / 2);
      }
      case 7 -> {
        t.scale(-1, 1);
        t.translate(-h, 0);
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      case 8 -> {
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      default -> {}
    }
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(img, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** A fresh JPEG of the pixels, the long side at most {@code longSide} (never enlarged). */
  private static byte[] jpeg(BufferedImage rgb, int longSide) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Thumbnails.Builder<BufferedImage> b = Thumbnails.of(rgb);
      if (Math.max(rgb.getWidth(), rgb.getHeight()) > longSide) {
        b.size(longSide, longSide);
      } else {
        b.scale(1.0);
      }
      b.outputFormat("jpg").outputQuality(QUALITY).toOutputStream(out);
    } catch (IOException e) {
      throw new IllegalStateException("JPEG encoding failed", e);
    }
    return out.toByteArray();
  }
}
