package org.licentia.audit.control;

import jakarta.enterprise.context.RequestScoped;
import org.licentia.audit.entity.Channel;

/**
 * The channel of the request being served. Facades set it once (REST, CLI, SOAP); the domain
 * reads it when it writes an audit record, so use-case signatures stay free of transport details.
 */
@RequestScoped
public class RequestChannel {

    private Channel channel = Channel.SYSTEM;

    public Channel get() {
        return channel;
    }

    public void set(Channel channel) {
        this.channel = channel;
    }
}
