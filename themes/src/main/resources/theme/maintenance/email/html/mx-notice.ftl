<#import "template.ftl" as layout>
<#-- A notice of the bundle's notice job (docs/notices.md). Every value is escaped by FreeMarker's
     HTML output format; the messages hold no markup, so no kcSanitize/?no_esc is needed. -->
<#assign typeLabel = (authorizationType?has_content)?then(msg("mxNoticeType." + authorizationType), "")>
<@layout.emailLayout>
<p id="mx-notice-greeting">${msg("mxNoticeGreeting", user.firstName!"")}</p>
<p id="mx-notice-body">${msg("mxNotice." + kind + ".body", reference, typeLabel, accountName, until, days, personName, personEmail, reason, total)}</p>
<#if items?has_content>
<ul id="mx-notice-items">
<#list items as item>
<li>${msg("mxNoticeDigestItem." + item.what, item.personName, msg("mxNoticeType." + item.authorizationType), item.reference, item.until)}</li>
</#list>
</ul>
<#if more gt 0>
<p>${msg("mxNoticeDigestMore", more)}</p>
</#if>
</#if>
<#if byLicence>
<p>${msg("mxNoticeByLicence")}</p>
</#if>
<p>${msg("mxNotice." + kind + ".action")}</p>
<p>${msg("mxNoticeFooter")}</p>
</@layout.emailLayout>
