package org.licentia.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.licentia.errors.Failures;
import org.licentia.errors.LicensingException;

/**
 * What a page shows of an action's outcome. A refusal is shown in the catalogue's words, exactly as
 * the boundary said it (the same text a REST problem or a SOAP fault carries), with its code.
 */
public final class Notices {

    private Notices() {}

    public static void done(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** The refusal in the catalogue's terms; returns it so a page can tell what was refused. */
    public static LicensingException refused(RuntimeException failure) {
        LicensingException refusal = Failures.translate(failure);
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR, refusal.getMessage() + " (" + refusal.code() + ")", null));
        return refusal;
    }

    /** Answers the request with a file to save instead of a page. */
    public static void download(String fileName, String contentType, byte[] content) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(contentType);
        external.setResponseContentLength(content.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try {
            external.getResponseOutputStream().write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public static void redirect(String page) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
