<#import "template.ftl" as layout>
<#-- One page for every invitation link that cannot be used (expired, used, revoked, replaced)
     and for logins before acceptance: it names nobody and offers nothing to try. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("mxInvitationUnusableTitle")}
    <#elseif section = "form">
        <div id="mx-invitation-unusable">
            <p class="instruction">${msg("mxInvitationUnusable")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
