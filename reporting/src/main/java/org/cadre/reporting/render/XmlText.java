package org.cadre.reporting.render;

/**
 * Text as XML 1.0 (and HTML) can carry it: every character XML cannot hold (C0 controls other than tab,
 * line feed and carriage return; U+FFFE, U+FFFF; a lone surrogate) becomes U+FFFD. The API refuses such
 * characters in what it stores; the renderers apply this too, so no output is ever malformed by them.
 */
public final class XmlText {

    private XmlText() {}

    public static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
