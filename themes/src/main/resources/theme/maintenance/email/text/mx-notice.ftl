<#ftl output_format="plainText">
<#assign typeLabel = (authorizationType?has_content)?then(msg("mxNoticeType." + authorizationType), "")>
${msg("mxNoticeGreeting", user.firstName!"")}

${msg("mxNotice." + kind + ".body", reference, typeLabel, accountName, until, days, personName, personEmail, reason)}
<#if byLicence>

${msg("mxNoticeByLicence")}
</#if>

${msg("mxNotice." + kind + ".action")}

${msg("mxNoticeFooter")}
