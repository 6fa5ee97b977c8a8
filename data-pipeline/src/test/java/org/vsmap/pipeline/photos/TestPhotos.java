package org.vsmap.pipeline.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Test images made like the ones offices upload: a phone JPEG carrying its GPS position, maker,
 * model and owner (EXIF written with Apache Commons Imaging), and hostile files — a PNG and a JPEG
 * whose headers declare billions of pixels (decompression bombs).
 */
public final class TestPhotos {
  /** Where the test photos claim to have been taken (鄂尔多斯 东胜区). */
  public static final double LAT = 39.8175;

  public static final double LON = 109.9770;

  private TestPhotos() {}

  /**
   * A {@code w}×{@code h} picture, red in its top-left quadrant, blue elsewhere, with a gradient.
   */
  public static BufferedImage picture(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(
        new java.awt.GradientPaint(0, 0, new Color(30, 60, 200), w, h, new Color(60, 160, 230)));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.RED);
    g.fillRect(0, 0, w / 2, h / 2);
    g.dispose();
    return img;
  }

  /**
   * A JPEG with EXIF: GPS position, Make, Model, Artist, and the given orientation (1 = as stored).
   */
  public static byte[] phoneJpeg(int w, int h, int orientation) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(picture(w, h), "jpg", plain);
    TiffOutputSet exif = new TiffOutputSet();
    exif.setGpsInDegrees(LON, LAT);
    TiffOutputDirectory root = exif.getOrCreateRootDirectory();
    root.add(TiffTagConstants.TIFF_TAG_MAKE, "VsmapTestPhone");
    root.add(TiffTagConstants.TIFF_TAG_MODEL, "Model 13800138000");
    root.add(TiffTagConstants.TIFF_TAG_ARTIST, "Zhang San");
    root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
    return out.toByteArray();
  }

  /** A PNG with a transparent corner. */
  public static byte[] png(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.drawImage(picture(w, h), 0, 0, null);
    g.setComposite(java.awt.AlphaComposite.Clear);
    g.fillRect(0, 0, w / 4, h / 4);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /**
   * A PNG that declares {@code w}×{@code h} pixels in a few hundred bytes: its one IDAT holds a
   * megabyte of zeros deflated to about a kilobyte — decoding it whole would need w·h·3 bytes.
   */
  public static byte[] pngBomb(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(w)
            .putInt(h)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    Deflater d = new Deflater(9);
    d.setInput(new byte[1 << 20]);
    d.finish();
    byte[] buf = new byte[1 << 16];
    int n = d.deflate(buf);
    byte[] idat = java.util.Arrays.copyOf(buf, n);
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /**
   * A real small JPEG whose frame header (SOF0) is rewritten to declare {@code w}×{@code h} pixels.
   */
  public static byte[] jpegDeclaring(int w, int h) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(picture(320, 240), "jpg", plain);
    byte[] b = plain.toByteArray();
    for (int i = 2; i + 8 < b.length; i++) {
      if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xc0) {
        b[i + 5] = (byte) (h >> 8);
        b[i + 6] = (byte) h;
        b[i + 7] = (byte) (w >> 8);
        b[i + 8] = (byte) w;
        return b;
      }
    }
    throw new IllegalStateException("no SOF0 marker in the JPEG ImageIO wrote");
  }
}
