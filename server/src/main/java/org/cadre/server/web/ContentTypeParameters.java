package org.cadre.server.web;

import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Content-Type} whose parameters are not written {@code name=value} is a 400 naming the header, answered
 * before the application reads the request: Javalin reads the charset of any request it decodes (its query, its
 * form) by splitting such a parameter at "=", and a parameter "charset" without one was a 500 on every address,
 * signed in or not, with a stack trace in the log (the attacker's re-check). A {@code charset} Java does not know is
 * a 415 naming the header, for the same reason. The body is read and dropped first ({@link CadreApp#drain}), so that a
 * client still sending it receives the answer.
 */
final class ContentTypeParameters implements Filter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            Optional<Problem> refused = refusal(http.getHeader("Content-Type"));
            if (refused.isPresent()) {
                try {
                    CadreApp.drain(http.getInputStream());
                } catch (IOException gone) {
                    // The client went away: the answer below is for whoever still listens.
                }
                byte[] body = JSON.writeValueAsBytes(refused.get());
                answer.setStatus(refused.get().status());
                answer.setContentType(Problem.CONTENT_TYPE);
                answer.setContentLength(body.length);
                answer.getOutputStream().write(body);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * What is wrong with the header's parameters, if anything, in one pass over them: one not written {@code name=value}
     * is a 400 (empty ones, as in {@code a/b;;}, are passed over); a {@code charset} Java does not know is a 415, since the
     * servlet container throws when such a request's content type is read (by the body's admission, a form, a JSON body),
     * which was a 500 with a stack trace in the log on any address, signed in or not (the attacker's review of session 13).
     * Neither answer repeats the header's text.
     *
     * @param header the header as sent; null when there is none
     * @return the problem to answer with, or empty
     */
    static Optional<Problem> refusal(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                return Optional.of(Problem.invalid("The Content-Type header is not written as HTTP writes it.",
                        List.of("Content-Type: parameter " + i + " is not written name=value (for example charset=utf-8)")));
            }
            if (parameter.substring(0, equals).strip().equalsIgnoreCase("charset") && !known(parameter.substring(equals + 1).strip())) {
                return Optional.of(new Problem("https://cadre.example/problems/unsupported-media-type", "Unsupported media type", 415,
                        "The Content-Type header names a character set this server does not know; send UTF-8.",
                        List.of("Content-Type: parameter " + i + " names a character set this server does not know "
                                + "(for example charset=utf-8)")));
            }
        }
        return Optional.empty();
    }

    /** Whether Java knows the character set so named (quoted or not). */
    private static boolean known(String name) {
        String bare = name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
        try {
            return Charset.isSupported(bare);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
