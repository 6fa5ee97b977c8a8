package org.vsmap.web.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A UTF-8 properties file from the classpath (the word lists of English pages). */
final class PropertiesFile {
  private PropertiesFile() {}

  static Properties load(String path) {
    Properties p = new Properties();
    try (InputStream in = PropertiesFile.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
