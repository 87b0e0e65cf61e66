package com.maintenanceaccess.signoff;

import com.maintenanceaccess.kernel.FeatureLifecycle;
import java.time.Duration;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The signoffs' options (docs/signoffs.md): which tokens may sign. The settings the server started with. */
public final class SignoffFeature implements FeatureLifecycle {

    static final String SIGNOFF_ACR = "signoffAcr";
    static final String SIGNOFF_AUTH_WINDOW = "signoffAuthWindow";
    static final String SIGNOFF_CLIENT = "signoffClient";

    private SignoffSettings settings = SignoffSettings.defaults();

    @Override
    public List<ProviderConfigProperty> options() {
        return ProviderConfigurationBuilder.create()
                .property().name(SIGNOFF_ACR).type("string")
                .helpText("The ACR (acr.loa.map name) a signoff token must carry.")
                .defaultValue(SignoffSettings.DEFAULT_ACR).add()
                .property().name(SIGNOFF_AUTH_WINDOW).type("int")
                .helpText("Seconds a signoff may follow the signer's re-authentication (auth_time).")
                .defaultValue(SignoffSettings.DEFAULT_AUTH_WINDOW_SECONDS).add()
                .property().name(SIGNOFF_CLIENT).type("string")
                .helpText("The client whose tokens may sign (azp).")
                .defaultValue(SignoffSettings.DEFAULT_CLIENT).add()
                .build();
    }

    @Override
    public void init(Config.Scope config) {
        settings = new SignoffSettings(config.get(SIGNOFF_ACR, SignoffSettings.DEFAULT_ACR),
                Duration.ofSeconds(config.getLong(SIGNOFF_AUTH_WINDOW, SignoffSettings.DEFAULT_AUTH_WINDOW_SECONDS)),
                config.get(SIGNOFF_CLIENT, SignoffSettings.DEFAULT_CLIENT));
    }

    public SignoffSettings settings() {
        return settings;
    }
}
