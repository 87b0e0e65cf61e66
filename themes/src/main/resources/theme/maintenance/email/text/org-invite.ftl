<#ftl output_format="plainText">
<#-- Keycloak's "join organization" mail, plain-text part, without Keycloak's kcSanitize: that HTML
     sanitizer turns the link's "=" and "&" into "&#61;" and "&amp;" in a plain-text mail, so a
     person who copies the link from the text part opens a link without its "key" ("Invalid
     Request", EXECUTE_ACTION_TOKEN_ERROR not_allowed). Plain text needs no escaping. -->
<#if firstName?? && lastName??>
${msg("orgInviteBodyPersonalized", link, linkExpiration, realmName, organization.name, linkExpirationFormatter(linkExpiration), firstName, lastName)}
<#else>
${msg("orgInviteBody", link, linkExpiration, realmName, organization.name, linkExpirationFormatter(linkExpiration))}
</#if>
