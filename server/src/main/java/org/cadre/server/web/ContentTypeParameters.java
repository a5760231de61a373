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
import java.util.List;
import java.util.Optional;

/**
 * A {@code Content-Type} whose parameters are not written {@code name=value} is a 400 naming the header, answered
 * before the application reads the request: Javalin reads the charset of any request it decodes (its query, its
 * form) by splitting such a parameter at "=", and a parameter "charset" without one was a 500 on every address,
 * signed in or not, with a stack trace in the log (the attacker's re-check).
 */
final class ContentTypeParameters implements Filter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            Optional<String> fault = fault(http.getHeader("Content-Type"));
            if (fault.isPresent()) {
                byte[] body = JSON.writeValueAsBytes(Problem.invalid("The Content-Type header is not written as HTTP writes it.",
                        List.of("Content-Type: " + fault.get())));
                answer.setStatus(400);
                answer.setContentType(Problem.CONTENT_TYPE);
                answer.setContentLength(body.length);
                answer.getOutputStream().write(body);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * What is wrong with the header's parameters, if anything: each one after the media type is {@code name=value}
     * (empty ones, as in {@code a/b;;}, are passed over).
     *
     * @param header the header as sent; null when there is none
     * @return the fault in words (never the header's text), or empty
     */
    static Optional<String> fault(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (!parameter.isEmpty() && parameter.indexOf('=') <= 0) {
                return Optional.of("parameter " + i + " is not written name=value (for example charset=utf-8)");
            }
        }
        return Optional.empty();
    }
}
