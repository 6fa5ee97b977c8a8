package org.vsmap.pipeline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;

/** Adds the records of a rebuild to a new generation's writer as documents, counting them. */
final class DocumentSink implements LuceneSearchIndex.Sink {
  private final IndexWriter writer;
  private final SearchDocuments documents;
  private final AtomicInteger added;

  DocumentSink(IndexWriter writer, SearchDocuments documents, AtomicInteger added) {
    this.writer = writer;
    this.documents = documents;
    this.added = added;
  }

  @Override
  public void station(Station s) {
    add(documents.station(s));
  }

  @Override
  public void team(Team t, GeoPoint home) {
    add(documents.team(t, home));
  }

  @Override
  public void activity(Activity a) {
    add(documents.activity(a));
  }

  private void add(Document d) {
    try {
      writer.addDocument(d);
      added.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
