package org.cadre.server.web.pages;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript, for page tests over HTTP: keeps cookies, follows no redirect by itself, and sends
 * back the form token of the last page it read (as a page's forms do).
 */
final class PageClient {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    /** An answer: status, body, and where a redirect points. */
    record Page(int status, String body, Optional<String> location, java.net.http.HttpHeaders headers) {

        /** The answer's header of this name, if it has one. */
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String formToken() {
            Matcher m = FORM_TOKEN.matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String formToken = "";

    PageClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the form; the answer is the redirect (303) or the form again. */
    Page signIn(String username, String password) throws Exception {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    /** A GET of a target no URI class will build (a broken percent-escape), sent as its bytes with this browser's cookies. */
    org.cadre.server.web.RawHttp.Answer raw(String target) throws Exception {
        String cookie = String.join("; ", cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        return org.cadre.server.web.RawHttp.get(URI.create(base).getPort(), target, Map.of("Cookie", cookie, "Accept", "text/html"));
    }

    Page get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return remember(r);
    }

    /** A form sent with the last page's form token (unless the fields name one). */
    Page post(String path, Map<String, String> fields) throws Exception {
        return post(path, fields, Map.of());
    }

    Page post(String path, Map<String, String> fields, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", formToken);
        all.putAll(fields);
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        // Replacing the defaults above (an htmx request accepts */*); a value holding a newline is sent as one header
        // per line (the same header twice).
        headers.forEach((name, value) -> {
            String[] values = value.split("\n");
            b.setHeader(name, values[0]);
            for (int i = 1; i < values.length; i++) {
                b.header(name, values[i]);
            }
        });
        return remember(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A form written out ({@code a=1&a=2}: a field sent twice), after the last page's form token. */
    Page postEncoded(String path, String fields) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(formToken, StandardCharsets.UTF_8) + "&" + fields)).build();
        return remember(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** A file sent as a browser sends a form with a file field ({@code multipart/form-data}). */
    Page upload(String path, String field, String fileName, byte[] content) throws Exception {
        return upload(path, field, fileName, content, Map.of());
    }

    /** As {@link #upload(String, String, String, byte[])}, with other fields of the form beside the file. */
    Page upload(String path, String field, String fileName, byte[] content, Map<String, String> fields) throws Exception {
        return upload(path, field, fileName, java.util.List.of(content), fields);
    }

    /** As {@link #upload(String, String, String, byte[], Map)}, each content sent as a file under the same field. */
    Page upload(String path, String field, String fileName, java.util.List<byte[]> contents, Map<String, String> fields) throws Exception {
        String boundary = "cadre-test-boundary-7b1f";
        var out = new java.io.ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + formToken + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (var f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] content : contents) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return remember(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** The session cookie's value, if signed in. */
    Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("cadre_session"))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    /** Puts a session cookie in the jar (to replay an old one). */
    void useSession(String token) {
        HttpCookie c = new HttpCookie("cadre_session", token);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), c);
    }

    String formToken() {
        return formToken;
    }

    private Page remember(HttpResponse<String> r) {
        Page page = new Page(r.statusCode(), r.body(), r.headers().firstValue("Location"), r.headers());
        String token = page.formToken();
        if (!token.isEmpty()) {
            formToken = token;
        }
        return page;
    }
}
