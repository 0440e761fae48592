package org.licentia.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The signed-in user, as the pages' header shows them. The role only chooses which sections to
 * show (the instance admin's USB keys, seats and returns), so that a page does not ask a boundary
 * for what it would refuse on every view; what a user may see and do is decided by the boundaries
 * each page calls.
 */
@Named("user")
@RequestScoped
public class ConsoleUser {

    @Inject
    HttpServletRequest request;

    public String getName() {
        return request.getUserPrincipal() == null
                ? ""
                : request.getUserPrincipal().getName();
    }

    public boolean isPublisherAdmin() {
        return request.isUserInRole("publisher-admin");
    }

    /** Signs out and forgets the session, so its view states (and any computer key shown) go with it. */
    public String signOut() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "/sign-in.xhtml?faces-redirect=true&signedOut=true";
    }
}
