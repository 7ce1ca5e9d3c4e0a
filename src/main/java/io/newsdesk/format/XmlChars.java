package io.newsdesk.format;

/**
 * Which text every format can carry: XML 1.0 is the narrowest of them, so text it cannot carry is refused on
 * input (body fields, the {@code q} words) rather than broken on output.
 */
public final class XmlChars {

    private XmlChars() {}

    /** Index of the first char XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, FFFE/FFFF), or -1. */
    public static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
