package io.newsdesk.websub;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.newsdesk.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every request the hub makes to a subscriber's callback (verification, denial, delivery) and the rule it keeps:
 * only http and https; the host's resolved addresses must all be public (no loopback, RFC 1918, link-local,
 * unique-local, CGNAT, 0.0.0.0/8, multicast, cloud metadata), checked when the subscription is asked for and again
 * before every request (a name that resolves to a private address later is refused then); redirects are never
 * followed; connecting may take 3 s and the whole request 10 s. {@code newsdesk.websub.allow-private-callbacks}
 * lifts the address rule (tests, intranets).
 */
@ApplicationScoped
class Callbacks {

    static final Duration CONNECT = Duration.ofSeconds(3);
    static final Duration REQUEST = Duration.ofSeconds(10);

    private final boolean allowPrivate;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT)
            .build();

    Callbacks(WebSubConfig config) {
        this.allowPrivate = config.allowPrivateCallbacks();
    }

    /** The callback as a URI, or a 400 problem naming what is wrong with it (at subscribe time). */
    URI check(String callback) {
        URI uri;
        try {
            uri = new URI(callback.strip());
        } catch (Exception e) {
            throw refused("'hub.callback' is not a URL: send the absolute http or https URL of your subscriber.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw refused("'hub.callback' must be an absolute http or https URL with a host (and no user info),"
                    + " such as https://subscriber.example/websub.");
        }
        Optional<String> why = unsafe(uri);
        if (why.isPresent()) {
            throw refused("'hub.callback' " + why.get());
        }
        return uri;
    }

    /** Why the callback's host may not be called now (empty: it may). */
    Optional<String> unsafe(URI uri) {
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve (" + uri.getHost() + "): use a public host name.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to " + address.getHostAddress() + ", a loopback, private, link-local or"
                        + " otherwise non-public address this hub does not call: use a publicly reachable host.");
            }
        }
        return Optional.empty();
    }

    /** Whether an address is one the hub may call: not loopback, private, link-local, CGNAT, multicast, metadata. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // 0.0.0.0/8
                    && first != 10
                    && first != 127
                    && !(first == 100 && second >= 64 && second < 128) // CGNAT 100.64/10
                    && !(first == 169 && second == 254) // link-local, cloud metadata 169.254.169.254
                    && !(first == 172 && second >= 16 && second < 32)
                    && !(first == 192 && second == 168)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique-local fc00::/7 (AWS metadata fd00:ec2::254 among them)
                return false;
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0x80) { // fe80::/10
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d: judge the IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Sends a request to a callback, the address rule checked first; an IOException when refused or failed. */
    HttpResponse<String> send(HttpRequest.Builder request, URI uri) throws IOException, InterruptedException {
        Optional<String> why = unsafe(uri);
        if (why.isPresent()) {
            throw new IOException("callback " + uri + " refused: it " + why.get());
        }
        return client.send(request.uri(uri).timeout(REQUEST).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request to the operator's external hub ({@code newsdesk.websub.hub}): trusted, no address rule. */
    HttpResponse<String> sendTrusted(HttpRequest.Builder request, URI uri) throws IOException, InterruptedException {
        return client.send(request.uri(uri).timeout(REQUEST).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ProblemException refused(String detail) {
        return ProblemException.invalidParameter("hub.callback", detail);
    }
}
