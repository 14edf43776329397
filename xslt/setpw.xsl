<?xml version="1.0" encoding="UTF-8"?>
<!--
  Choosing a password from a one-time link (/learn/set-password?token=..):
  the token travels back hidden with the new password, twice.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'setpw.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'setpw.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<xsl:if test="setpw/name">
		<p>
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'setpw.hello'"/>
				<xsl:with-param name="p1" select="setpw/name"/>
			</xsl:call-template>
		</p>
	</xsl:if>
	<p><xsl:call-template name="t"><xsl:with-param name="k" select="'setpw.intro'"/></xsl:call-template></p>
	<form method="post" action="/learn/set-password" class="stack">
		<input type="hidden" name="token" value="{setpw/@token}"/>
		<div class="f">
			<label for="new_password"><xsl:call-template name="t"><xsl:with-param name="k" select="'password.new'"/></xsl:call-template></label>
			<input type="password" id="new_password" name="new_password" autocomplete="new-password" required="required" minlength="8" aria-describedby="pwhelp"/>
			<div class="small" id="pwhelp"><xsl:call-template name="t"><xsl:with-param name="k" select="'password.rule'"/></xsl:call-template></div>
		</div>
		<div class="f">
			<label for="new_password2"><xsl:call-template name="t"><xsl:with-param name="k" select="'password.again'"/></xsl:call-template></label>
			<input type="password" id="new_password2" name="new_password2" autocomplete="new-password" required="required" minlength="8"/>
		</div>
		<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'setpw.submit'"/></xsl:call-template></button></p>
	</form>
</xsl:template>

</xsl:stylesheet>
