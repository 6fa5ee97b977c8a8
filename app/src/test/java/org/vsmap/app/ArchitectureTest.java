package org.vsmap.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rule: app → web → geo, app → data-pipeline → geo; web never imports data-pipeline. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vsmap");
  }

  @Test
  void everyModuleIsOnTheClasspath() {
    for (String pkg :
        new String[] {"org.vsmap.geo", "org.vsmap.pipeline", "org.vsmap.web", "org.vsmap.app"}) {
      org.assertj.core.api.Assertions.assertThat(
              classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s imported", pkg)
          .isTrue();
    }
  }

  @Test
  void webNeverImportsDataPipeline() {
    noClasses()
        .that()
        .resideInAPackage("org.vsmap.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vsmap.pipeline..", "org.vsmap.app..")
        .check(classes);
  }

  @Test
  void geoImportsNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("org.vsmap.geo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vsmap.pipeline..", "org.vsmap.web..", "org.vsmap.app..")
        .check(classes);
  }

  @Test
  void dataPipelineNeverImportsWebOrApp() {
    noClasses()
        .that()
        .resideInAPackage("org.vsmap.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vsmap.web..", "org.vsmap.app..")
        .check(classes);
  }

  @Test
  void importersNeverTouchTheDatabase() {
    // they check files (and photo lists) against ImportLookups / PhotoImport.Subjects and hand what
    // they read to the writer; SQL lives in the Jdbi* adapters
    noClasses()
        .that()
        .resideInAnyPackage("org.vsmap.pipeline.importer..", "org.vsmap.pipeline.photos..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "java.sql..")
        .check(classes);
  }

  @Test
  void importersDoNotKnowTheStore() {
    // the batch they make is theirs (ImportBatch); the store's adapters depend on it, not back
    noClasses()
        .that()
        .resideInAnyPackage("org.vsmap.pipeline.importer..", "org.vsmap.pipeline.photos..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.vsmap.pipeline.store..")
        .check(classes);
  }

  /**
   * The web's concerns: each registers its own routes (Routes) and uses only the shared packages.
   */
  static final String[] CONCERNS = {"map", "detail", "awareness", "data", "stats", "admin"};

  @Test
  void webConcernsUseOnlyTheSharedPackagesNotEachOther() {
    for (String concern : CONCERNS) {
      java.util.List<String> others = new java.util.ArrayList<>();
      for (String other : CONCERNS) {
        if (!other.equals(concern)) {
          others.add("org.vsmap.web." + other + "..");
        }
      }
      noClasses()
          .that()
          .resideInAPackage("org.vsmap.web." + concern + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others.toArray(String[]::new))
          .check(classes);
    }
  }

  @Test
  void theSharedWebPackagesDependOnNoConcern() {
    // web.http (errors, headers, conditional GET, parameters) and web.view (templates, language,
    // labels, badges) serve every concern and know none of them
    java.util.List<String> concerns = new java.util.ArrayList<>();
    for (String c : CONCERNS) {
      concerns.add("org.vsmap.web." + c + "..");
    }
    noClasses()
        .that()
        .resideInAnyPackage("org.vsmap.web.http..", "org.vsmap.web.view..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concerns.toArray(String[]::new))
        .check(classes);
  }
}
