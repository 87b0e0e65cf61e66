<#import "template.ftl" as layout>
<#-- One page for every invitation link that cannot be used (expired, used, revoked, replaced), for
     logins before acceptance, and (with mxUnusableTitle and mxUnusableMessage) for an identity
     provider that did not vouch for the invited address: it names nobody and offers nothing to try. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg(mxUnusableTitle!"mxInvitationUnusableTitle")}
    <#elseif section = "form">
        <div id="mx-invitation-unusable">
            <p class="instruction">${msg(mxUnusableMessage!"mxInvitationUnusable")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
