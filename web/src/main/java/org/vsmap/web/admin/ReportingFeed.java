package org.vsmap.web.admin;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.reporting.ReportStatus;
import org.vsmap.geo.reporting.Supervision;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.AtomFeeds;

/**
 * GET /admin/reporting/feed.atom?office=NAME&key=KEY: an office's reminder without email — an Atom
 * feed (Rome) with one entry per unit that has not reported a closed week of the last twelve,
 * newest week first. The key stands in for the session (feed readers have none) and changes with
 * the account's password; the feed names teams and weeks, never a person.
 */
public final class ReportingFeed {
  private final AdminReporting reporting;

  public ReportingFeed(AdminReporting reporting) {
    this.reporting = reporting;
  }

  public void feed(Context ctx) {
    Offices.Account account =
        reporting
            .reporting()
            .feedAccount(ctx.queryParam("office"), ctx.queryParam("key"))
            .orElseThrow(
                () ->
                    new WebError(
                        403,
                        "Forbidden",
                        "this feed address is not valid (any more): copy it again from /admin/reporting"));
    Reporting.Board b = reporting.reporting().board(account, Reporting.WEEKS);
    String base = Origin.of(ctx);
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    String scope = account.regionName() != null ? account.regionName() : "全市";
    feed.setTitle(scope + " 逾期未报的活动情况表 / Overdue weekly reports");
    String self = base + "/admin/reporting/feed.atom?office=" + account.username() + "&key=…";
    feed.setUri("urn:vsmap:reporting:" + account.username());
    feed.setLink(base + "/admin/reporting");
    feed.setLinks(List.of(AtomFeeds.link(base + "/admin/reporting", "alternate", "text/html")));
    feed.setDescription(
        "截止 "
            + b.deadline().zh()
            + " 仍未报送上周活动情况表的单位 / units whose weekly report is overdue ("
            + self
            + ")");
    feed.setLanguage("zh-CN");
    feed.setPublishedDate(AtomFeeds.date(b.now()));
    List<SyndEntry> entries = new ArrayList<>();
    List<LocalDate> closed =
        b.weeks().stream().filter(w -> b.deadline().due(w).isBefore(b.now())).toList();
    for (LocalDate week : closed.reversed()) {
      ReportingWeeks.Week w = ReportingWeeks.of(b, week);
      for (Supervision.Row r : Supervision.notIn(b.rows(), week, Set.of(ReportStatus.MISSING))) {
        entries.add(entry(base, b, w, r));
      }
    }
    if (b.synthetic()) {
      feed.setCopyright("合成数据（演示用）/ synthetic demo data");
    }
    feed.setEntries(entries);
    String xml = AtomFeeds.xml(feed);
    ctx.contentType("application/atom+xml; charset=utf-8").result(xml);
  }

  private static SyndEntry entry(
      String base, Reporting.Board b, ReportingWeeks.Week w, Supervision.Row r) {
    SyndEntry e = new SyndEntryImpl();
    e.setTitle(r.unit().name() + " 未报 " + w.zh() + " 活动情况表");
    String page = base + "/admin/reporting/units/" + r.unit().teamId();
    e.setLink(page);
    e.setUri("urn:vsmap:reporting:" + r.unit().teamId() + ":" + w.start());
    java.time.LocalDateTime due = b.deadline().due(w.start());
    e.setPublishedDate(AtomFeeds.date(due));
    e.setUpdatedDate(AtomFeeds.date(due));
    SyndContent c = new SyndContentImpl();
    c.setType("text");
    c.setValue(
        r.unit().districtName()
            + " · "
            + r.unit().kind()
            + "\n截止时间 "
            + w.dueZh()
            + "，至今未报。/ Not reported; due "
            + w.dueEn()
            + ".");
    e.setDescription(c);
    return e;
  }
}
