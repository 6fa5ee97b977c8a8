package org.vsmap.pipeline.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.VolunteerFigure;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.Stage;
import org.vsmap.pipeline.importer.OfficeImport.Request;
import org.vsmap.pipeline.store.JdbiImportWriter;

/**
 * Each kind of office file read and checked against the store: the reader of its kind, the problems
 * and warnings, the batch to write and the regions it touches (OfficeImport.prepare).
 */
final class OfficeReaders {
  private OfficeReaders() {}

  /** What one kind's reader made of a file: the batch, how it was read, what it touches. */
  record Part(
      JdbiImportWriter.Batch batch,
      String readAs,
      int records,
      List<Problem> problems,
      List<Problem> warnings,
      List<String> touched) {}

  static Part stations(
      ImportLookups store,
      Request r,
      Map<String, Region> regions,
      Map<String, String> mapping,
      JdbiImportWriter.Batch batch,
      java.time.LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<String> regionsTouched = new ArrayList<>();
    String readAs;
    int records;
    if (r.crs() == null) {
      throw new IllegalArgumentException(
          "a station list must declare its coordinate system: wgs84, cgcs2000, gcj02 or bd09");
    }
    StationImport.Result res =
        Stage.run(
            "check-stations",
            () ->
                StationImport.read(
                    Grid.read(r.file(), r.bytes(), r.encoding()).withMapping(mapping),
                    r.crs(),
                    regions,
                    false),
            x -> x.stations().size() + x.problems().size());
    problems.addAll(res.problems());
    warnings.addAll(res.warnings());
    List<Station> stored = store.stations();
    // against the store as well; the pairs within the file the reader already reported are not
    // repeated
    LikelyDuplicates.find(r.file(), res.stations(), stored).stream()
        .filter(w -> !warnings.contains(w))
        .forEach(warnings::add);
    res.stations().forEach(s -> regionsTouched.add(s.regionCode() + "\t" + s.id()));
    batch = batch.withStations(res.stations()).withContacts(res.contacts());
    if (r.full()) {
      batch = batch.full(Set.of(Kind.STATION));
    }
    readAs = res.encoding();
    records = res.stations().size();
    return new Part(batch, readAs, records, problems, warnings, regionsTouched);
  }

  static Part report(
      ImportLookups store,
      Request r,
      Map<String, Region> regions,
      Map<String, String> mapping,
      JdbiImportWriter.Batch batch,
      java.time.LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<String> regionsTouched = new ArrayList<>();
    String readAs;
    int records;
    if (r.regionCode() == null) {
      throw new IllegalArgumentException(
          "a report belongs to an office's region: give its region code");
    }
    ReportImport.Known known = new ReportImport.Known(regions, store.teams(), store.stations());
    ReportImport.Result res =
        Stage.run(
            "check-report",
            () ->
                ReportImport.read(r.file(), r.bytes(), r.encoding(), r.regionCode(), known, today),
            x -> x.activities().size());
    problems.addAll(res.problems());
    warnings.addAll(res.warnings());
    res.teams().forEach(t -> regionsTouched.add(t.regionCode() + "\t" + t.id()));
    res.activities().forEach(a -> regionsTouched.add(a.regionCode() + "\t" + a.id()));
    batch =
        batch.withTeams(res.teams()).withActivities(res.activities()).withContacts(res.contacts());
    if (r.full()) {
      batch = batch.full(Set.of(Kind.ACTIVITY));
    }
    readAs = res.encoding();
    records = res.teams().size() + res.activities().size();
    return new Part(batch, readAs, records, problems, warnings, regionsTouched);
  }

  static Part teams(
      ImportLookups store,
      Request r,
      Map<String, Region> regions,
      Map<String, String> mapping,
      JdbiImportWriter.Batch batch,
      java.time.LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<String> regionsTouched = new ArrayList<>();
    String readAs;
    int records;
    Grid grid = Grid.read(r.file(), r.bytes(), r.encoding()).withMapping(mapping);
    TeamActivityImport.Result res =
        Stage.run(
            "check-teams",
            () -> TeamActivityImport.teams(grid, regions, store.teams(), store.stations(), today),
            x -> x.teams().size() + x.problems().size());
    problems.addAll(res.problems());
    res.teams().forEach(t -> regionsTouched.add(t.regionCode() + "\t" + t.id()));
    batch = batch.withTeams(res.teams()).withPairings(res.pairings());
    if (r.full()) {
      batch = batch.full(Set.of(Kind.TEAM));
    }
    readAs = grid.readAs();
    records = res.teams().size();
    return new Part(batch, readAs, records, problems, warnings, regionsTouched);
  }

  static Part activities(
      ImportLookups store,
      Request r,
      Map<String, Region> regions,
      Map<String, String> mapping,
      JdbiImportWriter.Batch batch,
      java.time.LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<String> regionsTouched = new ArrayList<>();
    String readAs;
    int records;
    Grid grid = Grid.read(r.file(), r.bytes(), r.encoding()).withMapping(mapping);
    TeamActivityImport.Result res =
        Stage.run(
            "check-activities",
            () ->
                TeamActivityImport.activities(
                    grid,
                    r.crs() == null ? CoordinateSystem.WGS84 : r.crs(),
                    regions,
                    store.teams(),
                    store.stations(),
                    now),
            x -> x.activities().size() + x.problems().size());
    problems.addAll(res.problems());
    warnings.addAll(res.warnings());
    res.activities().forEach(a -> regionsTouched.add(a.regionCode() + "\t" + a.id()));
    batch = batch.withActivities(res.activities());
    if (r.full()) {
      batch = batch.full(Set.of(Kind.ACTIVITY));
    }
    readAs = grid.readAs();
    records = res.activities().size();
    return new Part(batch, readAs, records, problems, warnings, regionsTouched);
  }

  static Part regions(
      ImportLookups store,
      Request r,
      Map<String, Region> regions,
      Map<String, String> mapping,
      JdbiImportWriter.Batch batch,
      java.time.LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<String> regionsTouched = new ArrayList<>();
    String readAs;
    int records;
    RegionImport.Result res =
        Stage.run(
            "check-regions",
            () ->
                RegionImport.read(
                    Grid.read(r.file(), r.bytes(), r.encoding()).withMapping(mapping),
                    r.crs() == null ? CoordinateSystem.WGS84 : r.crs(),
                    regions),
            x -> x.regions().size() + x.problems().size());
    problems.addAll(res.problems());
    res.regions().forEach(x -> regionsTouched.add(x.code() + "\t" + x.name()));
    batch = batch.withRegions(res.regions());
    readAs = res.encoding();
    records = res.regions().size();
    return new Part(batch, readAs, records, problems, warnings, regionsTouched);
  }

  static Part figureList(
      ImportLookups store,
      Request r,
      Map<String, Region> regions,
      Map<String, String> mapping,
      JdbiImportWriter.Batch batch,
      java.time.LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<String> regionsTouched = new ArrayList<>();
    String readAs;
    int records;
    Grid grid = Grid.read(r.file(), r.bytes(), r.encoding()).withMapping(mapping);
    List<VolunteerFigure> figures = OfficeImport.figures(grid, regions, problems);
    figures.forEach(f -> regionsTouched.add(f.regionCode() + "\t" + f.period()));
    batch = batch.withFigures(figures);
    readAs = grid.readAs();
    records = figures.size();
    return new Part(batch, readAs, records, problems, warnings, regionsTouched);
  }

  static Part honours(
      ImportLookups store,
      Request r,
      Map<String, Region> regions,
      Map<String, String> mapping,
      JdbiImportWriter.Batch batch,
      java.time.LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<String> regionsTouched = new ArrayList<>();
    String readAs;
    int records;
    Grid grid = Grid.read(r.file(), r.bytes(), r.encoding()).withMapping(mapping);
    HonourImport.Result res =
        Stage.run(
            "check-honours",
            () ->
                HonourImport.read(
                    grid,
                    new HonourImport.Known(
                        regions, store::stationRegion, store::teamRegion, store::activityRegion)),
            x -> x.honours().size() + x.problems().size());
    problems.addAll(res.problems());
    res.honours().forEach(x -> regionsTouched.add(x.regionCode() + "\t" + x.id()));
    batch = batch.withHonours(res.honours());
    readAs = grid.readAs();
    records = res.honours().size();
    return new Part(batch, readAs, records, problems, warnings, regionsTouched);
  }
}
