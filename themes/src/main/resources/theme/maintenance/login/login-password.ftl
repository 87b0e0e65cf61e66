<#-- keycloak.v2's login-password.ftl, plus what is being signed when the password is asked
     again at the signoff level (the app's mx_signing statement, set by mx-signoff-password-form).
     Everything is escaped by FreeMarker's default HTML output format. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "passkeys.ftl" as passkeys>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password'); section>
<!-- template: login-password.ftl -->
    <#if section = "header">
        <#if mxSigning??>${msg("mxSigningTitle")}<#else>${msg("doLogIn")}</#if>
    <#elseif section = "form">
        <#if mxSigning??>
            <div id="mx-signing" class="mx-signing" role="note">
                <p>${msg("mxSigningIntro")}</p>
                <p class="mx-signing-statement"><strong>${mxSigning}</strong></p>
                <p>${msg("mxSigningHelp")}</p>
            </div>
        </#if>
        <div id="kc-form">
            <div id="kc-form-wrapper">
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
                    <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed autofocus=true autocomplete="current-password" />
                    <@buttons.loginButton />
                </form>
            </div>
        </div>
        <@passkeys.conditionalUIData />
    </#if>

</@layout.registrationLayout>
