package org.licentia.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.licentia.audit.control.RequestChannel;
import org.licentia.audit.entity.Channel;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Runs before every REST request: records its channel (REST, whatever the client says; its
 * User-Agent is kept as its claim) and caps the body size, also for bodies sent without a length.
 */
@Provider
@PreMatching
public class RequestGuard implements ContainerRequestFilter {

    @Inject
    RequestChannel channel;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest http;

    @Inject
    @ConfigProperty(name = "licentia.request.max-bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        channel.set(Channel.REST, request.getHeaderString("User-Agent"), http.getRemoteAddr());
        long max = isLicenseFileUpload(request)
                ? Math.max(maxBytes, org.licentia.licensefile.control.LicenseFilePackage.MAX_FILE_BYTES + 65_536L)
                : maxBytes;
        if (request.getLength() > max) {
            throw tooLarge(max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Capped(request.getEntityStream(), max));
        }
    }

    /** A license file of 20,000 licenses is some megabytes: its upload has the package's own limit (and a form's headers). */
    private static boolean isLicenseFileUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "POST".equals(request.getMethod()) && path != null && path.endsWith("/license-files/upload");
    }

    static LicensingException tooLarge(long max) {
        return new LicensingException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + max + " bytes",
                Map.of("maxBytes", String.valueOf(max)));
    }

    /** Fails the read as soon as more than the allowed bytes arrive. */
    static final class Capped extends FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
