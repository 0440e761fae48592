package org.licentia.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.licentia.audit.control.RequestChannel;
import org.licentia.audit.entity.Channel;

/**
 * Every change made through a page is recorded as made through the pages, from the browser's
 * address; the boundaries read both from the request's channel, as they do for REST and SOAP.
 */
@WebFilter("/*")
public class PageChannel extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestChannel channel;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        channel.set(Channel.PAGE, request.getHeader("User-Agent"), request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
