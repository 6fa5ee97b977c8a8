package org.vsmap.web.view;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code (ZXing) as one SVG path in module units, drawn inline by the templates: sharp in print,
 * no script, no image request. Posters and join panels carry a page's address; the second-factor
 * page the secret for an authenticator app.
 */
public record QrCode(int size, String d) {

  /** The QR code of {@code text}. */
  public static QrCode of(String text) {
    BitMatrix bits;
    try {
      bits =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalStateException("text could not be put in a QR code: " + e.getMessage(), e);
    }
    StringBuilder d = new StringBuilder();
    for (int y = 0; y < bits.getHeight(); y++) {
      for (int x = 0; x < bits.getWidth(); x++) {
        if (bits.get(x, y)) {
          d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return new QrCode(bits.getWidth(), d.toString());
  }
}
