package org.vsmap.web;

/**
 * What every page's footer says about who runs the portal (the operator's options; each line is
 * left out when unset).
 *
 * @param host 主办单位, e.g. 鄂尔多斯市文明办
 * @param contact 联系我们: a telephone number, an e-mail address or a web address
 * @param icp the ICP 备案 number (linked to beian.miit.gov.cn), e.g. 蒙ICP备12345678号
 * @param police the 公安备案 number (linked to beian.mps.gov.cn), e.g. 蒙公网安备15060202000123号
 */
public record Footer(String host, String contact, String icp, String police) {
  public Footer {
    host = blankToNull(host);
    contact = blankToNull(contact);
    icp = blankToNull(icp);
    police = blankToNull(police);
    for (String s : new String[] {host, contact, icp, police}) {
      if (s != null && s.length() > 120) {
        throw new IllegalArgumentException("footer lines are at most 120 characters: " + s);
      }
    }
  }

  /** A footer with nothing but the portal's own links. */
  public static Footer none() {
    return new Footer(null, null, null, null);
  }

  /** The contact as a link target: tel:, mailto: or the web address itself; null for plain text. */
  public String contactHref() {
    if (contact == null) {
      return null;
    }
    if (contact.matches("https?://\\S+")) {
      return contact;
    }
    if (contact.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return "mailto:" + contact;
    }
    if (contact.matches("[0-9 ()+-]{5,}")) {
      return "tel:" + contact.replaceAll("[^0-9+]", "");
    }
    return null;
  }

  /** The digits of the 公安备案 number, which its query page takes. */
  public String policeCode() {
    return police == null ? null : police.replaceAll("\\D", "");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
