package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Problem;

/**
 * A photo list that names activities by title and date, as an office knows them from its own
 * report.
 */
class PhotoImportTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  /**
   * Two stored activities titled 敬老义诊 on 2026-11-23 (in two districts), one 读书会 (a weekly series
   * begun three weeks before).
   */
  private static final PhotoImport.Subjects STORE =
      new PhotoImport.Subjects() {
        @Override
        public String region(Kind kind, String id) {
          return switch (id) {
            case "ac-1" -> "150602001002";
            case "ac-2" -> "150621001001";
            case "ac-3" -> "150602001003";
            default -> null;
          };
        }

        @Override
        public Map<String, String> activitiesOn(String title, LocalDate day) {
          if (!day.equals(DAY)) {
            return Map.of();
          }
          return switch (title) {
            case "敬老义诊" -> Map.of("ac-1", "150602001002", "ac-2", "150621001001");
            case "读书会" -> Map.of("ac-3", "150602001003");
            default -> Map.of();
          };
        }
      };

  private static byte[] jpeg() throws Exception {
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  @Test
  void anActivityIsFoundByItsTitleAndDateWithinTheOfficesRegion(@TempDir Path dir)
      throws Exception {
    Files.write(dir.resolve("a.jpg"), jpeg());
    String list =
        "对象类型,活动名称,活动日期,照片文件,照片说明\n"
            + "活动,读书会,2026-11-23,a.jpg,读书会现场\n" // row 2: one match
            + "活动,敬老义诊,2026年11月23日,a.jpg,义诊现场\n" // row 3: two districts have one; the office's is
            // 东胜区
            + "活动,没有的活动,2026-11-23,a.jpg,现场\n" // row 4: none
            + "活动,读书会,2026-13-40,a.jpg,现场\n" // row 5: not a date
            + "活动,,2026-11-23,a.jpg,现场\n"; // row 6: no title
    Grid grid = Grid.read("photos.csv", list.getBytes(StandardCharsets.UTF_8), null);

    PhotoImport.Result office = PhotoImport.read(grid, dir, STORE, "150602");
    assertThat(office.photos())
        .extracting(p -> p.item().subjectId())
        .containsExactly("ac-3", "ac-1");
    assertThat(office.problems())
        .extracting(Problem::row, Problem::column, Problem::reasonEn)
        .containsExactly(
            tuple(
                4,
                "活动名称",
                "no activity with this title on 2026-11-23 in this account's region 150602"),
            tuple(5, "活动日期", "the activity's date must be a date such as 2026-11-23"),
            tuple(6, "活动名称", "give the activity's id, or its title and date"));

    PhotoImport.Result admin = PhotoImport.read(grid, dir, STORE, null);
    assertThat(admin.problems())
        .extracting(Problem::row, Problem::reasonEn)
        .contains(
            tuple(3, "2 activities have this title that day (ac-1, ac-2): give the activity's id"));
  }

  @Test
  void anIdStillWinsAndAListWithNeitherIsRefusedWhole(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a.jpg"), jpeg());
    String both = "对象类型,对象编号,活动名称,活动日期,照片文件,照片说明\n活动,ac-2,敬老义诊,2026-11-23,a.jpg,义诊现场\n";
    PhotoImport.Result r =
        PhotoImport.read(
            Grid.read("both.csv", both.getBytes(StandardCharsets.UTF_8), null), dir, STORE, null);
    assertThat(r.problems()).isEmpty();
    assertThat(r.photos()).extracting(p -> p.item().subjectId()).containsExactly("ac-2");

    String neither = "对象类型,照片文件,照片说明\n活动,a.jpg,义诊现场\n";
    PhotoImport.Result refused =
        PhotoImport.read(
            Grid.read("neither.csv", neither.getBytes(StandardCharsets.UTF_8), null),
            dir,
            STORE,
            null);
    assertThat(refused.photos()).isEmpty();
    assertThat(refused.problems())
        .extracting(Problem::row, Problem::reasonEn)
        .containsExactly(
            tuple(
                1,
                "required column missing: the subject's id, or an activity's title and date (headers accepted: "
                    + "[subject_id, 对象编号, 站点编号, 活动编号, 编号])"));
  }
}
