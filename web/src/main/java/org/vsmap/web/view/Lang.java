package org.vsmap.web.view;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.vsmap.web.http.WebError;

/** The page language: Chinese by default, English with {@code ?lang=en}; and its message texts. */
public enum Lang {
  ZH("zh-CN"),
  EN("en");

  private final String tag;
  private final Map<String, String> messages;

  Lang(String tag) {
    this.tag = tag;
    this.messages = load("i18n/messages_" + name().toLowerCase() + ".properties");
  }

  public String tag() {
    return tag;
  }

  public Map<String, String> messages() {
    return messages;
  }

  public static Lang of(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null || lang.isBlank() || lang.equalsIgnoreCase("zh")) {
      return ZH;
    }
    if (lang.equalsIgnoreCase("en")) {
      return EN;
    }
    throw WebError.badRequest("lang must be zh or en, got: " + lang);
  }

  /** The query suffix that keeps this language on links: "" or "?lang=en". */
  public String query() {
    return this == ZH ? "" : "?lang=en";
  }

  private static Map<String, String> load(String path) {
    Properties p = new Properties();
    try (InputStream in = Lang.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing message file " + path);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> m = new HashMap<>();
    p.forEach((k, v) -> m.put(k.toString(), v.toString()));
    return Map.copyOf(m);
  }
}
