package org.cadre.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before the application sees the request (an ambiguous or malformed
 * URI, a bad header), as problem documents instead of Jetty's HTML page; a browser asking for a page (or htmx,
 * outside the API) gets a short page of its own, with a way back, rather than JSON (review: htmx put the JSON
 * into the page).
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String json = "{\"type\":\"https://cadre.example/problems/http-" + code + "\",\"title\":\"Request refused\",\"status\":"
                + code + ",\"detail\":\"The request could not be handled (HTTP " + code + ").\",\"errors\":[]}";
        String accept = java.util.Objects.requireNonNullElse(request.getHeaders().get(HttpHeader.ACCEPT), "");
        boolean htmx = "true".equals(request.getHeaders().get("HX-Request"));
        String path = java.util.Objects.requireNonNullElse(request.getHttpURI().getPath(), "");
        boolean page = !path.startsWith("/api/") && (accept.contains("text/html") || htmx);
        if (page) {
            // A fixed text: nothing of the request (the address Jetty could not read) is written back.
            String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Request refused · Cadre</title></head>"
                    + "<body><h1>Request refused</h1><p>The address could not be read (HTTP " + code + "). Nothing was changed.</p>"
                    + "<p><a href=\"/\">Back to Cadre</a></p></body></html>";
            if (htmx) {
                response.getHeaders().put("HX-Retarget", "body");
                response.getHeaders().put("HX-Reswap", "innerHTML");
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            json = html;
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        }
        // The headers every other answer carries (the attacker's review: these answers had none).
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
