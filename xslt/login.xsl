<?xml version="1.0" encoding="UTF-8"?>
<!-- Signing in (/learn/login): e-mail, password, and where to go next. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'login.title'"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'login.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<form method="post" action="/learn/login" class="stack">
		<xsl:if test="login/@next">
			<input type="hidden" name="next" value="{login/@next}"/>
		</xsl:if>
		<div class="f">
			<label for="email"><xsl:call-template name="t"><xsl:with-param name="k" select="'login.email'"/></xsl:call-template></label>
			<input type="email" id="email" name="email" value="{login/@email}" autocomplete="username" required="required" autocapitalize="none" spellcheck="false"/>
		</div>
		<div class="f">
			<label for="password"><xsl:call-template name="t"><xsl:with-param name="k" select="'login.password'"/></xsl:call-template></label>
			<input type="password" id="password" name="password" autocomplete="current-password" required="required"/>
		</div>
		<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'login.submit'"/></xsl:call-template></button></p>
	</form>
	<p class="small"><xsl:call-template name="t"><xsl:with-param name="k" select="'login.help'"/></xsl:call-template></p>
</xsl:template>

</xsl:stylesheet>
