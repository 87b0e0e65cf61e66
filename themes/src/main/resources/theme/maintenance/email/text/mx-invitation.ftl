<#ftl output_format="plainText">
${msg("mxInvitationMailGreeting", firstName, lastName)}

${msg("mxInvitationMailIntro", inviterName, realmName)}
<#if accountName??>

${msg("mxInvitationMailAccount")} ${accountName}
</#if>
<#if roles?has_content>

${msg("mxInvitationMailRoles")}
<#list roles as role>
- ${role}
</#list>
</#if>

${msg("mxInvitationMailLinkText")}:
${link}

${msg("mxInvitationMailExpiry", expiry)}

${msg("mxInvitationMailIgnore")}
