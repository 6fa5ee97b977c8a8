package org.vsmap.pipeline.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.port.Photos;

/** Issue 10: what the photo intake keeps of an upload, and what it refuses. */
class PhotoIntakeTest {

  private static Metadata metadata(byte[] jpeg) throws Exception {
    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
  }

  @Test
  void aPhonePhotoLosesItsPositionDeviceAndOwner() throws Exception {
    byte[] upload = TestPhotos.phoneJpeg(1200, 900, 1);
    // the upload really carries them (read with metadata-extractor, an independent reader)
    GpsDirectory gps = metadata(upload).getFirstDirectoryOfType(GpsDirectory.class);
    assertThat(gps).isNotNull();
    assertThat(gps.getGeoLocation().getLatitude())
        .isCloseTo(TestPhotos.LAT, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(
            metadata(upload)
                .getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getString(ExifIFD0Directory.TAG_MAKE))
        .isEqualTo("VsmapTestPhone");

    Photos.Images images = PhotoIntake.process("IMG_0001.JPG", upload);
    for (Photos.Size size : Photos.Size.values()) {
      byte[] stored = images.of(size);
      Metadata m = metadata(stored);
      assertThat(m.getFirstDirectoryOfType(GpsDirectory.class)).as("%s: GPS", size).isNull();
      assertThat(m.getFirstDirectoryOfType(ExifIFD0Directory.class)).as("%s: EXIF", size).isNull();
      List<String> kinds = new ArrayList<>();
      for (Directory d : m.getDirectories()) {
        kinds.add(d.getName());
      }
      assertThat(kinds)
          .as("%s keeps only what a JPEG needs to be drawn", size)
          .allMatch(
              k ->
                  k.equals("JPEG")
                      || k.equals("JFIF")
                      || k.equals("Huffman")
                      || k.equals("File Type"));
      String raw = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(raw)
          .doesNotContain("Exif")
          .doesNotContain("VsmapTestPhone")
          .doesNotContain("Zhang San")
          .doesNotContain("13800138000");
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(stored));
      assertThat(Math.max(img.getWidth(), img.getHeight()))
          .as("%s long side", size)
          .isEqualTo(Math.min(1200, size.longSide));
      assertThat(img.getWidth() * 3)
          .as("%s keeps the shape", size)
          .isCloseTo(img.getHeight() * 4, org.assertj.core.data.Offset.offset(4));
    }
    assertThat(images.width()).isEqualTo(1200);
    assertThat(images.height()).isEqualTo(900);
  }

  @Test
  void aPhotoTakenSidewaysIsStoodUpBeforeItsOrientationTagIsDropped() throws Exception {
    // stored landscape 400×300 with the red quadrant top-left; orientation 6 = "rotate 90°
    // clockwise to view"
    Photos.Images images = PhotoIntake.process("side.jpg", TestPhotos.phoneJpeg(400, 300, 6));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(images.full()));
    assertThat(img.getWidth()).isEqualTo(300);
    assertThat(img.getHeight()).isEqualTo(400);
    assertThat(red(img.getRGB(img.getWidth() - 20, 20)))
        .as("top right is red after the turn")
        .isTrue();
    assertThat(red(img.getRGB(20, 20))).as("top left is not").isFalse();
    // orientation 8 turns the other way: the red corner ends at the bottom left
    BufferedImage eight =
        ImageIO.read(
            new ByteArrayInputStream(
                PhotoIntake.process("side.jpg", TestPhotos.phoneJpeg(400, 300, 8)).full()));
    assertThat(red(eight.getRGB(20, eight.getHeight() - 20))).isTrue();
    assertThat(red(eight.getRGB(20, 20))).isFalse();
  }

  private static boolean red(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return r > 200 && g < 80 && b < 80;
  }

  @Test
  void aLargePhotoIsKeptInThreeSizesAndAPngBecomesAJpegOnWhite() throws Exception {
    Photos.Images big = PhotoIntake.process("big.jpg", TestPhotos.phoneJpeg(6000, 4000, 1));
    assertThat(big.width()).isEqualTo(1600);
    assertThat(big.height()).isEqualTo(1067);
    assertThat(ImageIO.read(new ByteArrayInputStream(big.medium())).getWidth()).isEqualTo(960);
    assertThat(ImageIO.read(new ByteArrayInputStream(big.thumb())).getWidth()).isEqualTo(320);
    Photos.Images png = PhotoIntake.process("poster.png", TestPhotos.png(800, 600));
    assertThat(PhotoIntake.sniff(png.full())).isEqualTo("jpeg");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.full()));
    int corner = img.getRGB(5, 5);
    assertThat(corner & 0xffffff).as("the transparent corner is white").isGreaterThan(0xf0f0f0);
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
    byte[] bomb = TestPhotos.pngBomb(50_000, 50_000);
    assertThat(bomb.length).as("a few KB that claim 2.5 gigapixels").isLessThan(4096);
    assertThatThrownBy(() -> PhotoIntake.process("bomb.png", bomb))
        .isInstanceOf(PhotoIntake.Rejected.class)
        .hasMessageContaining("50,000 × 50,000")
        .hasMessageContaining("decompression bomb")
        .hasMessageContaining("解压炸弹");
    byte[] jpegBomb = TestPhotos.jpegDeclaring(65_000, 65_000);
    assertThatThrownBy(() -> PhotoIntake.process("bomb.jpg", jpegBomb))
        .isInstanceOf(PhotoIntake.Rejected.class)
        .hasMessageContaining("65,000 × 65,000")
        .hasMessageContaining("not decoded");
    // within the side limit but over the pixel limit
    assertThatThrownBy(() -> PhotoIntake.process("wide.png", TestPhotos.pngBomb(10_000, 8_000)))
        .hasMessageContaining("80.0 megapixels");
  }

  @Test
  void aRenamedNonImageAndOtherBadFilesAreRefusedWithAClearReason() throws Exception {
    byte[] pdf =
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> PhotoIntake.process("photo.jpg", pdf))
        .isInstanceOf(PhotoIntake.Rejected.class)
        .hasMessageContaining(
            "photo.jpg is not a JPEG or PNG image (it is named .jpg but its content is not an image)")
        .hasMessageContaining("不是 JPG 或 PNG 图片");
    byte[] gif = "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> PhotoIntake.process("anim.gif", gif))
        .hasMessageContaining("anim.gif is not a JPEG or PNG image");
    assertThatThrownBy(() -> PhotoIntake.process("empty.jpg", new byte[0]))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> PhotoIntake.process("tiny.png", TestPhotos.png(50, 40)))
        .hasMessageContaining("only 50 × 40 pixels");
    byte[] jpeg = TestPhotos.phoneJpeg(400, 300, 1);
    byte[] cut = java.util.Arrays.copyOf(jpeg, 40);
    assertThatThrownBy(() -> PhotoIntake.process("cut.jpg", cut))
        .isInstanceOf(PhotoIntake.Rejected.class)
        .hasMessageContaining("cut.jpg is damaged or cannot be read");
    byte[] huge = new byte[PhotoIntake.MAX_BYTES + 1];
    huge[0] = (byte) 0xff;
    huge[1] = (byte) 0xd8;
    huge[2] = (byte) 0xff;
    assertThatThrownBy(() -> PhotoIntake.process("huge.jpg", huge))
        .hasMessageContaining("larger than 15 MB");
  }
}
