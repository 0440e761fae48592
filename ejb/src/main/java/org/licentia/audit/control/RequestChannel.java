package org.licentia.audit.control;

import jakarta.enterprise.context.RequestScoped;
import org.licentia.audit.entity.Channel;

/**
 * The channel of the request being served. Facades set it once (REST, SOAP); the domain
 * reads it when it writes an audit record, so use-case signatures stay free of transport details.
 */
@RequestScoped
public class RequestChannel {

    private Channel channel = Channel.SYSTEM;
    private String clientClaim;

    public Channel get() {
        return channel;
    }

    public void set(Channel channel) {
        this.channel = channel;
    }

    /**
     * The channel is the endpoint the request came through; {@code clientClaim} is what the client
     * says it is (its User-Agent: the CLI, an ERP), kept apart because nobody checked it.
     */
    public void set(Channel channel, String clientClaim) {
        this.channel = channel;
        this.clientClaim = claim(clientClaim);
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
