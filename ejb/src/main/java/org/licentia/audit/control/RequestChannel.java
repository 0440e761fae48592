package org.licentia.audit.control;

import jakarta.enterprise.context.RequestScoped;
import org.licentia.audit.entity.Channel;

/**
 * The channel of the request being served and the address it came from. Facades set it once
 * (REST, SOAP, pages); the domain reads it when it writes an audit record, admits what needs no
 * sign-in per address, or forwards credentials, so use-case signatures stay free of transport
 * details.
 */
@RequestScoped
public class RequestChannel {

    private Channel channel = Channel.SYSTEM;
    private String clientClaim;
    private String clientAddress = "unknown";

    public Channel get() {
        return channel;
    }

    /**
     * The channel is the endpoint the request came through; {@code clientClaim} is what the client
     * says it is (its User-Agent: the CLI, an ERP), kept apart because nobody checked it.
     */
    public void set(Channel channel, String clientClaim, String clientAddress) {
        this.channel = channel;
        this.clientClaim = claim(clientClaim);
        this.clientAddress = clientAddress == null ? "unknown" : clientAddress;
    }

    /** Where the request came from; "unknown" outside a request from a client (timers). */
    public String clientAddress() {
        return clientAddress;
    }

    public String clientClaim() {
        return clientClaim;
    }

    static String claim(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String printable = s.strip().replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }
}
