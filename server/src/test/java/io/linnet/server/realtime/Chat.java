package io.linnet.server.realtime;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.support.Api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An app whose users' devices connect to the gateway: tokens come from the app's backend API, as in production. */
public final class Chat implements AutoCloseable {

    private final MessagingApp app;
    private final List<ChatClient> devices = new ArrayList<>();

    public Chat(MessagingApp app) {
        this.app = app;
    }

    public MessagingApp app() {
        return app;
    }

    /** A user token as the developer's backend gets it: {token, expiresAt, websocketUrl}. */
    public Api.Response mint(String userId) {
        Api.Response minted = app.client().post("/v1/users/" + userId + "/tokens", Map.of());
        assertThat(minted.status()).as(minted.toString()).isEqualTo(200);
        return minted;
    }

    public String token(String userId) {
        return mint(userId).json().get("token").asString();
    }

    /** A new device of {@code userId}, connected and authenticated. */
    public ChatClient device(String userId) {
        Api.Response minted = mint(userId);
        ChatClient device = ChatClient.connect(URI.create(minted.json().get("websocketUrl").asString()),
                minted.json().get("token").asString());
        devices.add(device);
        return device;
    }

    /** A device that connected but has not authenticated. */
    public ChatClient anonymous(String anyUser) {
        ChatClient device = ChatClient.connectAnonymously(URI.create(mint(anyUser).json().get("websocketUrl").asString()));
        devices.add(device);
        return device;
    }

    @Override
    public void close() {
        devices.forEach(ChatClient::close);
    }
}
