<#import "template.ftl" as layout>
<#-- Every value is escaped by FreeMarker's HTML output format. The messages hold no markup, so
     no kcSanitize/?no_esc is needed; user data never passes through a message with markup. -->
<@layout.emailLayout>
<p id="mx-greeting">${msg("mxInvitationMailGreeting", firstName, lastName)}</p>
<p>${msg("mxInvitationMailIntro", inviterName, realmName)}</p>
<#if accountName??>
<p>${msg("mxInvitationMailAccount")} <strong>${accountName}</strong></p>
</#if>
<#if roles?has_content>
<p>${msg("mxInvitationMailRoles")}</p>
<ul><#list roles as role><li>${role}</li></#list></ul>
</#if>
<p><a id="mx-invitation-link" href="${link}">${msg("mxInvitationMailLinkText")}</a></p>
<p>${msg("mxInvitationMailExpiry", expiry)}</p>
<p>${msg("mxInvitationMailIgnore")}</p>
</@layout.emailLayout>
