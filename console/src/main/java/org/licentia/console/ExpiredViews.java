package org.licentia.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form whose view the session does not hold (the session timed out or was signed out, or the form
 * was forged elsewhere) does nothing and sends the browser to the overview, in one log line. Left to
 * the container, each such post wrote a stack trace to the log: anyone could flood it.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                while (failure instanceof FacesException
                        && !(failure instanceof ViewExpiredException)
                        && failure.getCause() != null) {
                    failure = failure.getCause();
                }
                if (failure instanceof ViewExpiredException expired) {
                    events.remove();
                    LOG.info("A form of an expired or unknown view was ignored: " + expired.getViewId());
                    FacesContext faces = FacesContext.getCurrentInstance();
                    ExternalContext external = faces.getExternalContext();
                    try {
                        external.redirect(external.getRequestContextPath() + "/");
                    } catch (IOException e) {
                        LOG.info("Could not send the browser to the overview: " + e);
                    }
                    faces.responseComplete();
                }
            }
            getWrapped().handle();
        }
    }
}
