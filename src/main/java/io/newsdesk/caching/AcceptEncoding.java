package io.newsdesk.caching;

import java.util.Locale;

/**
 * An Accept-Encoding header (RFC 9110 §12.5.3) as the weight it gives each coding Newsdesk can send. A coding not
 * named takes the weight of {@code *}, else 0; identity not named (nor covered by {@code *}) stays acceptable, as
 * the last choice. No header at all means identity: every client understands it, and one that can decode more
 * says so. An element whose weight cannot be read is ignored.
 */
record AcceptEncoding(double br, double gzip, double identity) {

    /** Identity when nothing else is acceptable: below any weight a client can write (0.001). */
    private static final double LAST_RESORT = 0.0001;

    static final AcceptEncoding IDENTITY_ONLY = new AcceptEncoding(0, 0, 1);

    static AcceptEncoding parse(String header) {
        if (header == null) {
            return IDENTITY_ONLY;
        }
        Double br = null;
        Double gzip = null;
        Double identity = null;
        Double any = null;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            Double weight = weight(parts);
            if (coding.isEmpty() || weight == null) {
                continue;
            }
            switch (coding) {
                case "br" -> br = first(br, weight);
                case "gzip", "x-gzip" -> gzip = first(gzip, weight);
                case "identity" -> identity = first(identity, weight);
                case "*" -> any = first(any, weight);
                default -> {
                    // a coding Newsdesk does not send (deflate, zstd, compress, ...)
                }
            }
        }
        double otherwise = any == null ? 0 : any;
        return new AcceptEncoding(
                br == null ? otherwise : br,
                gzip == null ? otherwise : gzip,
                identity != null ? identity : any != null ? any : LAST_RESORT);
    }

    /** The acceptable coding of highest weight, br before gzip before identity on a tie; null: none is acceptable. */
    Coding best(boolean brotli) {
        Coding best = null;
        double weight = 0;
        for (Coding coding : Coding.values()) {
            double q = weight(coding);
            if ((coding != Coding.BR || brotli) && q > weight) {
                best = coding;
                weight = q;
            }
        }
        return best;
    }

    double weight(Coding coding) {
        switch (coding) {
            case BR:
                return br;
            case GZIP:
                return gzip;
            default:
                return identity;
        }
    }

    private static Double first(Double seen, double weight) {
        return seen != null ? seen : weight;
    }

    /** The {@code q} parameter: 1 without one, null when it is not a qvalue (0 to 1, at most three decimals). */
    private static Double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("q")) {
                String value = pair[1].strip();
                return value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?") ? Double.valueOf(value) : null;
            }
        }
        return 1.0;
    }
}
