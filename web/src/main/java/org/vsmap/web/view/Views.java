package org.vsmap.web.view;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The Pebble engine, built once, autoescaping on: every page a person reads comes from here.
 * Variables are strict: a page model (a record, or the variables a handler gives) without a name
 * the template reads, a record without the component, or a message key {@code t['…']} that does not
 * exist is an error, never empty text. List items inside page models are records too, so the same
 * holds for them.
 */
public final class Views {
  private final PebbleEngine engine;
  private final org.vsmap.web.Footer footer;

  public Views() {
    this(org.vsmap.web.Footer.none());
  }

  /** Views whose pages end with this footer. */
  public Views(org.vsmap.web.Footer footer) {
    this.footer = footer;
    ClasspathLoader loader = new ClasspathLoader(Views.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    engine =
        new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true).build();
  }

  /**
   * What the shared layout reads on every page, with the value it has unless a page says otherwise:
   * open to search engines, no Open Graph card.
   */
  // the template engine's variable context is a map by Pebble's API; pages pass records
  private static final Map<String, Object> LAYOUT_DEFAULTS = new HashMap<>();

  static {
    LAYOUT_DEFAULTS.put("noindex", false);
    LAYOUT_DEFAULTS.put("og", null);
  }

  /**
   * Renders a template with a page model given as a record: each component is a variable of the
   * template (strict variables: a name the record lacks is an error, not empty text); the layout
   * also reads the request's text size ({@link TextSize}).
   */
  public String render(Context ctx, String template, Lang lang, Record model) {
    Map<String, Object> variables = new HashMap<>();
    for (RecordComponent c : model.getClass().getRecordComponents()) {
      try {
        variables.put(c.getName(), c.getAccessor().invoke(model));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("page model " + model.getClass().getSimpleName(), e);
      }
    }
    variables.put("largeText", TextSize.large(ctx));
    return render(template, lang, variables);
  }

  /** Renders a template with the variables plus the language and its messages. */
  private String render(String template, Lang lang, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(LAYOUT_DEFAULTS);
    all.putAll(model);
    all.put("lang", lang.name().toLowerCase());
    all.put("langTag", lang.tag());
    all.put("langQuery", lang.query());
    all.put("t", lang.messages());
    all.put("footer", footer);
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
