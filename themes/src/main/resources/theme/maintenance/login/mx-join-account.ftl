<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- A person who exists already was invited to join another account and has just signed in with
     their own credentials: joining is their choice. Every value is escaped by FreeMarker's HTML
     output format; nothing here bypasses it. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("mxJoinTitle")}
    <#elseif section = "form">
        <div id="mx-join" class="mx-invitation">
            <p id="mx-join-greeting">${msg("mxJoinGreeting", mxJoin.firstName, mxJoin.lastName)}</p>
            <dl class="mx-invitation-details">
                <dt>${msg("mxInvitationAccount")}</dt>
                <dd id="mx-join-account">${mxJoin.accountName}</dd>
                <dt>${msg("mxInvitationRoles")}</dt>
                <dd id="mx-join-roles">
                    <#if mxJoin.templates?has_content>
                        <ul><#list mxJoin.templates as template><li class="mx-invitation-role">${template}</li></#list></ul>
                    <#else>
                        ${msg("mxInvitationNoRoles")}
                    </#if>
                </dd>
            </dl>
            <p>${msg("mxJoinExplain")}</p>
        </div>
        <form id="mx-join-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="mx-join-confirm" name="join" label="mxJoinConfirm"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
