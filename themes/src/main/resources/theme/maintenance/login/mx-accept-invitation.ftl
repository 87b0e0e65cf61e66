<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "password-validation.ftl" as validator>
<#-- The invitee's page: what they are invited to, then their password, or "Continue with" one of the
     realm's identity providers. Every value (identity provider names too) is escaped by FreeMarker's
     HTML output format; nothing here bypasses it. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
    <#if section = "header">
        ${msg("mxInvitationTitle")}
    <#elseif section = "form">
        <div id="mx-invitation" class="mx-invitation">
            <p id="mx-invitation-greeting">${msg("mxInvitationGreeting", mxInvitation.firstName, mxInvitation.lastName)}</p>
            <dl class="mx-invitation-details">
                <#if mxInvitation.accountName?has_content>
                    <dt>${msg("mxInvitationAccount")}</dt>
                    <dd id="mx-invitation-account">${mxInvitation.accountName}</dd>
                </#if>
                <dt>${msg("mxInvitationInviter")}</dt>
                <dd id="mx-invitation-inviter">${mxInvitation.inviterName}</dd>
                <dt>${msg("mxInvitationRoles")}</dt>
                <dd id="mx-invitation-roles">
                    <#if mxInvitation.roles?has_content>
                        <ul><#list mxInvitation.roles as role><li class="mx-invitation-role">${role}</li></#list></ul>
                    <#else>
                        ${msg("mxInvitationNoRoles")}
                    </#if>
                </dd>
                <dt>${msg("mxInvitationExpiry")}</dt>
                <dd id="mx-invitation-expiry">${mxInvitation.expiry}</dd>
            </dl>
            <p>${msg("mxInvitationSetPassword")}</p>
        </div>
        <form id="mx-accept-invitation-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="accept" label="mxInvitationAccept"/>
            </@buttons.actionGroup>
        </form>
        <#if mxInvitation.identityProviders?has_content>
            <#-- Instead of a password: an identity provider whose verified e-mail is the invited address.
                 The buttons post to the required action, which hands over to the broker login. -->
            <div id="mx-invitation-idps" class="mx-invitation-idps">
                <p class="mx-invitation-idps-intro">${msg("mxInvitationOrContinueWith", mxInvitation.email)}</p>
                <form id="mx-invitation-idp-form" action="${url.loginAction}" method="post">
                    <#list mxInvitation.identityProviders as idp>
                        <div class="${properties.kcFormGroupClass!}">
                            <button type="submit" id="mx-idp-${idp.alias}" name="mx-idp" value="${idp.alias}"
                                    class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} mx-invitation-idp">${msg("mxInvitationContinueWith", idp.displayName)}</button>
                        </div>
                    </#list>
                </form>
            </div>
        </#if>
        <@validator.templates/>
        <@validator.script field="password-new"/>
    </#if>
</@layout.registrationLayout>
