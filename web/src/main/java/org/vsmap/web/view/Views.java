package org.vsmap.web.view;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** The Pebble engine, built once, autoescaping on: every page a person reads comes from here. */
public final class Views {
  private final PebbleEngine engine;

  public Views() {
    ClasspathLoader loader = new ClasspathLoader(Views.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    engine =
        new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
  }

  /** Renders a template with the model plus the language and its messages. */
  public String render(String template, Lang lang, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("lang", lang.name().toLowerCase());
    all.put("langTag", lang.tag());
    all.put("langQuery", lang.query());
    all.put("t", lang.messages());
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
