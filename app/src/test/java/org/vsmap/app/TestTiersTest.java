package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two tiers are chosen by JUnit tag: surefire ({@code ./vsmap test --fast}) leaves out every
 * class tagged {@code integration}, failsafe runs only those. A class's name says its tier too
 * (*Test, *IT), so a test tagged for one tier and named for the other would silently never run:
 * this reads every module's test sources and fails on such a class.
 */
class TestTiersTest {
  private static final String TAG = "@Tag(\"integration\")";

  @Test
  void everyIntegrationClassIsTaggedAndNoFastClassIs() throws IOException {
    List<Path> sources = testSources();
    List<Path> its = sources.stream().filter(p -> name(p).endsWith("IT.java")).toList();
    List<Path> fast = sources.stream().filter(p -> name(p).endsWith("Test.java")).toList();
    assertThat(its).as("integration classes found").hasSizeGreaterThan(30);
    assertThat(fast).as("fast classes found").hasSizeGreaterThan(25);
    assertThat(its.stream().filter(p -> !holdsTag(p)).map(TestTiersTest::name))
        .as("*IT classes without " + TAG + " (failsafe would skip them)")
        .isEmpty();
    assertThat(fast.stream().filter(TestTiersTest::holdsTag).map(TestTiersTest::name))
        .as("*Test classes tagged integration (no tier would run them)")
        .isEmpty();
  }

  private static List<Path> testSources() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("vsmap"))) {
      root = root.getParent();
      assertThat(root).as("the project root (the folder holding ./vsmap)").isNotNull();
    }
    try (Stream<Path> files = Files.walk(root, 12)) {
      return files
          .filter(p -> p.toString().contains("/src/test/java/") && name(p).endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/"))
          .toList();
    }
  }

  private static boolean holdsTag(Path p) {
    try {
      return Files.readString(p).contains(TAG);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }
}
