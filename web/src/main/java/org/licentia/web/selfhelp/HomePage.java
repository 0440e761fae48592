package org.licentia.web.selfhelp;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.licentia.server.boundary.ServerDescription;

/** http://host:8080/ : says what this server is and links to its pages, its API contract and its health. */
@WebServlet(urlPatterns = "")
public class HomePage extends HttpServlet {

    @Inject
    ServerDescription server;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SelfHelpPage.send(response, 200, "License server", SelfHelpHtml.home(server.about()));
    }
}
