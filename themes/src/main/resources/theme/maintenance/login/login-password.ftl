<#-- keycloak.v2's login-password.ftl, plus what is being signed when the password is asked
     again at the signoff level (the app's mx_signing statement as mx-signoff-password-form read it: mxStatement, by field).
     Everything is escaped by FreeMarker's default HTML output format. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "passkeys.ftl" as passkeys>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password'); section>
<!-- template: login-password.ftl -->
    <#if section = "header">
        <#if mxStatement?? || mxStatementMissing??>${msg("mxSigningTitle")}<#else>${msg("doLogIn")}</#if>
    <#elseif section = "form">
        <#-- issue 23, sign what was shown: the statement in plain language, field by field; the
             same statement goes into the step-up's token and the server signs nothing else. -->
        <#if mxStatement??>
            <div id="mx-signing" class="mx-signing" role="note">
                <p>${msg("mxSigningIntro")}</p>
                <p class="mx-signing-statement"><strong>${msg("mxStatementType_" + mxStatement.type)}</strong></p>
                <dl class="mx-statement">
                    <dt>${msg("mxStatementAircraft")}</dt>
                    <dd id="mx-statement-aircraft">${mxStatement.registration}<#if mxStatement.aircraftType??> (${mxStatement.aircraftType})</#if></dd>
                    <dt>${msg("mxStatementWorkOrder")}</dt>
                    <dd id="mx-statement-work-order">${mxStatement.workOrder}</dd>
                    <#if mxStatement.task??>
                        <dt>${msg("mxStatementTask")}</dt>
                        <dd id="mx-statement-task">${mxStatement.task}<#if mxStatement.taskCategory??> (${mxStatement.taskCategory})</#if></dd>
                    <#elseif mxStatement.taskCategory??>
                        <dt>${msg("mxStatementTaskCategory")}</dt>
                        <dd id="mx-statement-task">${mxStatement.taskCategory}</dd>
                    </#if>
                    <#if mxStatement.base??>
                        <dt>${msg("mxStatementBase")}</dt>
                        <dd id="mx-statement-base">${mxStatement.base}</dd>
                    </#if>
                    <#if mxStatement.declaration??>
                        <dt>${msg("mxStatementDeclaration")}</dt>
                        <dd id="mx-statement-declaration">${mxStatement.declaration}</dd>
                    </#if>
                </dl>
                <p>${msg("mxSigningHelp")}</p>
            </div>
        <#elseif mxStatementMissing??>
            <div id="mx-signing" class="mx-signing mx-signing-missing" role="alert">
                <p>${msg("mxStatementMissing")}</p>
            </div>
        </#if>
        <div id="kc-form">
            <div id="kc-form-wrapper">
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
                    <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed autofocus=true autocomplete="current-password" />
                    <@buttons.loginButton />
                </form>
            </div>
        </div>
        <@passkeys.conditionalUIData />
    </#if>

</@layout.registrationLayout>
