package org.vsmap.pipeline.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.VolunteerFigure;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.Stage;
import org.vsmap.pipeline.importer.KindReader.Input;
import org.vsmap.pipeline.importer.KindReader.Read;
import org.vsmap.pipeline.importer.KindReader.Touched;
import org.vsmap.pipeline.importer.OfficeImport.Request;

/** The {@link KindReader} of each kind of office file. */
final class OfficeReaders {
  private OfficeReaders() {}

  static Read stations(Input in) {
    Request r = in.request();
    if (r.crs() == null) {
      throw new IllegalArgumentException(
          "a station list must declare its coordinate system: wgs84, cgcs2000, gcj02 or bd09");
    }
    StationImport.Result res =
        Stage.run(
            "check-stations",
            () -> StationImport.read(in.grid(), r.crs(), in.regions(), false),
            x -> x.stations().size() + x.problems().size());
    List<Problem> warnings = new ArrayList<>(res.warnings());
    List<Station> stored = in.store().stations();
    // against the store as well; the pairs within the file the reader already reported are not
    // repeated
    LikelyDuplicates.find(r.file(), res.stations(), stored).stream()
        .filter(w -> !warnings.contains(w))
        .forEach(warnings::add);
    return new Read(
        res.stations().size(),
        res.encoding(),
        res.problems(),
        warnings,
        res.stations().stream().map(s -> new Touched(s.regionCode(), s.id())).toList(),
        b -> b.withStations(res.stations()).withContacts(res.contacts()),
        Set.of(Kind.STATION));
  }

  static Read report(Input in) {
    Request r = in.request();
    if (r.regionCode() == null) {
      throw new IllegalArgumentException(
          "a report belongs to an office's region: give its region code");
    }
    ReportImport.Known known =
        new ReportImport.Known(in.regions(), in.store().teams(), in.store().stations());
    ReportImport.Result res =
        Stage.run(
            "check-report",
            () ->
                ReportImport.read(
                    r.file(),
                    r.bytes(),
                    r.encoding(),
                    r.regionCode(),
                    known,
                    in.now().toLocalDate()),
            x -> x.activities().size());
    List<Touched> touched = new ArrayList<>();
    res.teams().forEach(t -> touched.add(new Touched(t.regionCode(), t.id())));
    res.activities().forEach(a -> touched.add(new Touched(a.regionCode(), a.id())));
    return new Read(
        res.teams().size() + res.activities().size(),
        res.encoding(),
        res.problems(),
        res.warnings(),
        touched,
        b ->
            b.withTeams(res.teams())
                .withActivities(res.activities())
                .withContacts(res.contacts())
                .asWeeklyReport(),
        Set.of(Kind.ACTIVITY));
  }

  static Read teams(Input in) {
    Grid grid = in.grid();
    TeamActivityImport.Result res =
        Stage.run(
            "check-teams",
            () ->
                TeamActivityImport.teams(
                    grid,
                    in.regions(),
                    in.store().teams(),
                    in.store().stations(),
                    in.now().toLocalDate()),
            x -> x.teams().size() + x.problems().size());
    return new Read(
        res.teams().size(),
        grid.readAs(),
        res.problems(),
        List.of(),
        res.teams().stream().map(t -> new Touched(t.regionCode(), t.id())).toList(),
        b -> b.withTeams(res.teams()).withPairings(res.pairings()),
        Set.of(Kind.TEAM));
  }

  static Read activities(Input in) {
    Grid grid = in.grid();
    TeamActivityImport.Result res =
        Stage.run(
            "check-activities",
            () ->
                TeamActivityImport.activities(
                    grid,
                    in.crsOrWgs84(),
                    in.regions(),
                    in.store().teams(),
                    in.store().stations(),
                    in.now()),
            x -> x.activities().size() + x.problems().size());
    return new Read(
        res.activities().size(),
        grid.readAs(),
        res.problems(),
        res.warnings(),
        res.activities().stream().map(a -> new Touched(a.regionCode(), a.id())).toList(),
        b -> b.withActivities(res.activities()),
        Set.of(Kind.ACTIVITY));
  }

  static Read regions(Input in) {
    RegionImport.Result res =
        Stage.run(
            "check-regions",
            () -> RegionImport.read(in.grid(), in.crsOrWgs84(), in.regions()),
            x -> x.regions().size() + x.problems().size());
    return new Read(
        res.regions().size(),
        res.encoding(),
        res.problems(),
        List.of(),
        res.regions().stream().map(x -> new Touched(x.code(), x.name())).toList(),
        b -> b.withRegions(res.regions()),
        Set.of());
  }

  static Read figures(Input in) {
    Grid grid = in.grid();
    List<Problem> problems = new ArrayList<>();
    List<VolunteerFigure> figures = OfficeImport.figures(grid, in.regions(), problems);
    return new Read(
        figures.size(),
        grid.readAs(),
        problems,
        List.of(),
        figures.stream().map(f -> new Touched(f.regionCode(), f.period())).toList(),
        b -> b.withFigures(figures),
        Set.of());
  }

  static Read honours(Input in) {
    Grid grid = in.grid();
    ImportLookups store = in.store();
    HonourImport.Result res =
        Stage.run(
            "check-honours",
            () ->
                HonourImport.read(
                    grid,
                    new HonourImport.Known(
                        in.regions(),
                        store::stationRegion,
                        store::teamRegion,
                        store::activityRegion)),
            x -> x.honours().size() + x.problems().size());
    return new Read(
        res.honours().size(),
        grid.readAs(),
        res.problems(),
        List.of(),
        res.honours().stream().map(x -> new Touched(x.regionCode(), x.id())).toList(),
        b -> b.withHonours(res.honours()),
        Set.of());
  }

  static Read photos(Input in) {
    Request r = in.request();
    if (r.folder() == null) {
      throw new IllegalArgumentException(
          "a photo list is read with the folder its photos are in: import it with --kind photos "
              + "beside its files, or upload it in a ZIP with them");
    }
    Grid grid = in.grid();
    ImportLookups store = in.store();
    PhotoImport.Subjects subjects =
        new PhotoImport.Subjects() {
          @Override
          public String region(Kind kind, String id) {
            return kind == Kind.STATION ? store.stationRegion(id) : store.activityRegion(id);
          }

          @Override
          public Map<String, String> activitiesOn(String title, LocalDate day) {
            return store.activitiesOn(title, day);
          }
        };
    // an office's scope is checked by PhotoImport row by row (touched stays empty)
    PhotoImport.Result res =
        Stage.run(
            "check-photos",
            () -> PhotoImport.read(grid, r.folder(), subjects, r.scope()),
            x -> x.photos().size() + x.problems().size());
    return new Read(
        res.photos().size(),
        grid.readAs(),
        res.problems(),
        List.of(),
        List.of(),
        b -> b.withPhotos(res.photos()),
        Set.of());
  }
}
