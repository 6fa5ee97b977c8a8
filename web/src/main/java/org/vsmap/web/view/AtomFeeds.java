package org.vsmap.web.view;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/** What every Atom feed of the portal (Rome, RFC 4287) is built from: links, people, times, XML. */
public final class AtomFeeds {
  private AtomFeeds() {}

  public static SyndLink link(String href, String rel, String type) {
    SyndLink l = new SyndLinkImpl();
    l.setHref(href);
    l.setRel(rel);
    l.setType(type);
    return l;
  }

  public static SyndPerson person(String name, String uri) {
    SyndPerson p = new SyndPersonImpl();
    p.setName(name);
    p.setUri(uri);
    return p;
  }

  /** A China time as the instant a feed carries. */
  public static Date date(LocalDateTime chinaTime) {
    return Date.from(chinaTime.toInstant(ZoneOffset.ofHours(8)));
  }

  /** The feed as XML. */
  public static String xml(SyndFeed feed) {
    try {
      return new SyndFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("the Atom feed could not be written: " + e.getMessage(), e);
    }
  }
}
