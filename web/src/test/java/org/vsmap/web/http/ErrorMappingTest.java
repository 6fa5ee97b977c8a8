package org.vsmap.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/** Which failures while reading a request body are the client's mistake, and which 4xx each is. */
class ErrorMappingTest {

  @Test
  void aChunkedUploadOverTheLimitIs413EvenThoughJettyCallsItABadMultipart() {
    // the chain Jetty 12 gives for a chunked multipart body past maxFileSize (seen in the log)
    Throwable chunked =
        new jakarta.servlet.ServletException(
            new BadMessageException(
                400,
                "bad multipart",
                new CompletionException(
                    new IllegalStateException("max file size exceeded: 67108865"))));
    assertThat(ErrorMapping.clientMistake(chunked)).isEqualTo(413);
    assertThat(ErrorMapping.clientMistake(new BadMessageException(413))).isEqualTo(413);
  }

  @Test
  void aBrokenOrCutBodyIs400AndAnythingElseIsNotTheClients() {
    assertThat(ErrorMapping.clientMistake(new BadMessageException(400, "bad multipart")))
        .isEqualTo(400);
    assertThat(ErrorMapping.clientMistake(new RuntimeException(new EofException("early EOF"))))
        .isEqualTo(400);
    assertThat(ErrorMapping.clientMistake(new IllegalStateException("index closed"))).isNull();
    assertThat(ErrorMapping.clientMistake(new NullPointerException())).isNull();
  }

  @Test
  void theLogLineNamesEveryCauseWithoutAStack() {
    String line =
        ErrorMapping.causes(
            new BadMessageException(
                400, "bad multipart", new IllegalStateException("max file size exceeded: 9")));
    assertThat(line)
        .contains("BadMessageException")
        .contains("← IllegalStateException: max file size exceeded: 9")
        .doesNotContain("\n")
        .doesNotContain("at org.");
  }
}
