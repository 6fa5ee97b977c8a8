package org.vsmap.web.awareness;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.ActivityStore;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.AtomFeeds;
import org.vsmap.web.view.Lang;

/**
 * GET /activities.atom: an Atom feed (RFC 4287, written with Rome) of the activities most recently
 * published on the portal, newest first, for the whole city or a region and/or theme — for
 * newsrooms and feed readers. Each entry links to the activity's page and says when and where it
 * takes place; synthetic demo records say so.
 */
public final class ActivityFeed {
  /** Entries in the feed. */
  public static final int ENTRIES = 50;

  private static final Set<String> PARAMS = Set.of("region", "theme", "lang");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Readiness readiness;

  public ActivityFeed(Readiness readiness) {
    this.readiness = readiness;
  }

  public void feed(Context ctx) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!PARAMS.contains(p)) {
        throw WebError.badRequest(
            "unknown parameter '" + p + "': the feed takes " + PARAMS.stream().sorted().toList());
      }
    }
    String region = ctx.queryParam("region");
    if (region != null && (region = region.strip()).isEmpty()) {
      region = null;
    }
    if (region != null && !region.matches("\\d{2,12}")) {
      throw WebError.badRequest(
          "region must be a region code of 2 to 12 digits, e.g. 150602; got: " + region);
    }
    if (region != null && readiness.ports().regions().regionByCode(region).isEmpty()) {
      throw WebError.notFound("no region with code " + region);
    }
    Theme theme = null;
    String t = ctx.queryParam("theme");
    if (t != null && !t.isBlank()) {
      try {
        theme = Theme.valueOf(t.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw WebError.badRequest(
            "theme must be one of the 18 themes, e.g. public_health; got: " + t.strip());
      }
    }
    Lang lang = Lang.of(ctx);
    String base = Origin.of(ctx);
    List<ActivityStore.Published> published =
        readiness.ports().activities().recentlyPublished(region, theme, ENTRIES);

    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    String scope =
        (region == null ? "" : String.join(" ", readiness.regionNames().chain(region)) + " ")
            + (theme == null ? "" : (lang == Lang.ZH ? theme.zh() : theme.en()) + " ");
    feed.setTitle(
        scope + (lang == Lang.ZH ? "新发布的志愿服务活动" : "Newly published volunteer activities"));
    feed.setDescription(
        lang == Lang.ZH
            ? "志愿服务地图上最新发布的活动（最多 " + ENTRIES + " 项）"
            : "The activities most recently published on the Volunteer Service Map (up to "
                + ENTRIES
                + ")");
    feed.setLanguage(lang == Lang.ZH ? "zh-CN" : "en");
    String self = base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    feed.setUri(self);
    feed.setLink(base + "/activities");
    feed.setLinks(
        List.of(
            AtomFeeds.link(base + "/activities", "alternate", "text/html"),
            AtomFeeds.link(self, "self", "application/atom+xml")));
    feed.setAuthors(
        List.of(AtomFeeds.person(lang == Lang.ZH ? "志愿服务地图" : "Volunteer Service Map", base)));
    feed.setCopyright("CC BY 4.0");
    LocalDateTime newest =
        published.isEmpty() ? LocalDateTime.of(2000, 1, 1, 0, 0) : published.get(0).at();
    feed.setPublishedDate(AtomFeeds.date(newest));
    List<SyndEntry> entries = new ArrayList<>();
    java.util.Map<String, String> teams =
        new java.util.HashMap<>(); // many entries share an organiser
    for (ActivityStore.Published p : published) {
      entries.add(entry(p, base, lang, teams));
    }
    feed.setEntries(entries);
    String xml = AtomFeeds.xml(feed);
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType("application/atom+xml; charset=utf-8").result(xml);
  }

  private SyndEntry entry(
      ActivityStore.Published p, String base, Lang lang, java.util.Map<String, String> teams) {
    Activity a = p.activity();
    SyndEntry e = new SyndEntryImpl();
    e.setTitle(a.title());
    e.setLink(base + "/activities/" + a.id());
    e.setUri(base + "/activities/" + a.id());
    // the organising team is the entry's author (a public organisation, never a person)
    String team =
        teams.computeIfAbsent(
            a.organiserTeamId(),
            id ->
                readiness
                    .ports()
                    .teams()
                    .teamById(id)
                    .map(org.vsmap.geo.model.Team::name)
                    .orElse(lang == Lang.ZH ? "志愿服务地图" : "Volunteer Service Map"));
    e.setAuthors(List.of(AtomFeeds.person(team, base + "/teams/" + a.organiserTeamId())));
    e.setPublishedDate(AtomFeeds.date(p.at()));
    e.setUpdatedDate(AtomFeeds.date(p.at()));
    SyndCategory c = new SyndCategoryImpl();
    c.setName(a.theme().name().toLowerCase(java.util.Locale.ROOT));
    c.setTaxonomyUri(base + "/api/docs#theme");
    e.setCategories(List.of(c));
    StringBuilder text = new StringBuilder();
    text.append(lang == Lang.ZH ? "时间：" : "When: ")
        .append(WHEN.format(a.start()))
        .append('–')
        .append(WHEN.format(a.end()));
    if (a.recurrence() == org.vsmap.geo.model.Recurrence.WEEKLY) {
      text.append(lang == Lang.ZH ? "（每周）" : " (weekly)");
    }
    text.append('\n')
        .append(lang == Lang.ZH ? "地点：" : "Where: ")
        .append(String.join(" ", readiness.regionNames().chain(a.regionCode())));
    text.append('\n')
        .append(lang == Lang.ZH ? "主题：" : "Theme: ")
        .append(lang == Lang.ZH ? a.theme().zh() : a.theme().en());
    if (a.description() != null) {
      text.append("\n\n").append(a.description());
    }
    if (a.synthetic()) {
      text.append("\n\n").append("合成数据（演示用，非真实活动）/ Synthetic demo data, not a real activity");
    }
    SyndContent content = new SyndContentImpl();
    content.setType("text");
    content.setValue(text.toString());
    e.setDescription(content);
    return e;
  }
}
