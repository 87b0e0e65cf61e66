<#macro content>
<#-- Shown under every login form: whose system this is and who may use it. -->
<div id="mx-footer" class="mx-footer">
  <p>${msg("mxFooterNotice")}</p>
</div>
</#macro>
