<#ftl output_format="plainText">
<#assign typeLabel = (authorizationType?has_content)?then(msg("mxNoticeType." + authorizationType), "")>
${msg("mxNoticeGreeting", user.firstName!"")}

${msg("mxNotice." + kind + ".body", reference, typeLabel, accountName, until, days, personName, personEmail, reason, total)}
<#if items?has_content>

<#list items as item>
- ${msg("mxNoticeDigestItem." + item.what, item.personName, msg("mxNoticeType." + item.authorizationType), item.reference, item.until)}
</#list>
<#if more gt 0>
${msg("mxNoticeDigestMore", more)}
</#if>
</#if>
<#if byLicence>

${msg("mxNoticeByLicence")}
</#if>

${msg("mxNotice." + kind + ".action")}

${msg("mxNoticeFooter")}
