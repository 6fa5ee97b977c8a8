package org.vsmap.pipeline.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an office's text file: UTF-8 with or without BOM, or GB18030 (a superset of GBK and
 * GB2312, what Chinese Excel writes as "CSV"). The choice is not statistical: bytes that are valid
 * UTF-8 are read as UTF-8 (GBK text of any length practically never is), anything else as GB18030.
 * A declared encoding overrides the check and is applied strictly.
 */
public final class TextDecoding {

  /** The text and the encoding it was read with. */
  public record Decoded(String text, String encoding) {}

  private TextDecoding() {}

  public static Decoded decode(byte[] bytes, String declared) {
    Decoded d = decodeText(bytes, declared);
    if (d.text().indexOf('\u0000') >= 0) {
      throw new IllegalArgumentException(
          "the file holds binary data (NUL bytes), not text: is it a spreadsheet saved as .csv?");
    }
    return d;
  }

  private static Decoded decodeText(byte[] bytes, String declared) {
    if (declared != null && !declared.isBlank()) {
      Charset cs;
      try {
        cs = Charset.forName(declared.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown encoding '" + declared + "': use utf-8, gbk or gb18030");
      }
      try {
        return new Decoded(stripBom(strict(cs, bytes)), cs.name());
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException(
            "the file is not valid " + cs.name() + " text (declared with --encoding)");
      }
    }
    try {
      return new Decoded(stripBom(strict(StandardCharsets.UTF_8, bytes)), "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(strict(Charset.forName("GB18030"), bytes), "GB18030");
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException(
            "the file is neither UTF-8 nor GB18030/GBK text (is it a spreadsheet or binary file?)");
      }
    }
  }

  private static String strict(Charset cs, byte[] bytes) throws CharacterCodingException {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
