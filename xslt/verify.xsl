<?xml version="1.0" encoding="UTF-8"?>
<!--
  Public verification of a certificate (/verify/ and /verify/CODE): the
  form asking for a code; or the certificate's name, module, date,
  version, and a status that cannot be missed: VALID or REVOKED.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="'verify.title'"/></xsl:call-template>
	<xsl:if test="certificate">
		<xsl:text>: </xsl:text>
		<xsl:call-template name="t"><xsl:with-param name="k" select="concat('verify.', certificate/@status)"/></xsl:call-template>
	</xsl:if>
</xsl:template>

<xsl:template match="/page" mode="main">
	<h1><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.title'"/></xsl:call-template></h1>
	<xsl:call-template name="notices"/>
	<xsl:choose>
		<xsl:when test="certificate">
			<xsl:apply-templates select="certificate"/>
			<h2><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.another'"/></xsl:call-template></h2>
		</xsl:when>
		<xsl:otherwise>
			<p><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.intro'"/></xsl:call-template></p>
		</xsl:otherwise>
	</xsl:choose>
	<form method="get" action="/verify/" class="stack">
		<div class="f">
			<label for="code"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.code'"/></xsl:call-template></label>
			<input type="text" id="code" name="code" required="required" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" aria-describedby="codehelp"/>
			<div class="small" id="codehelp"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.code.help'"/></xsl:call-template></div>
		</div>
		<p><button type="submit"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.submit'"/></xsl:call-template></button></p>
	</form>
</xsl:template>

<xsl:template match="certificate">
	<div class="verdict-box {@status}">
		<p class="status">
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('verify.', @status)"/></xsl:call-template>
		</p>
		<p>
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('verify.', @status, '.help')"/></xsl:call-template>
		</p>
	</div>
	<dl class="facts">
		<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.name'"/></xsl:call-template></dt>
		<dd><strong><xsl:value-of select="name"/></strong></dd>
		<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'verify.module'"/></xsl:call-template></dt>
		<dd><xsl:value-of select="module"/></dd>
		<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.date'"/></xsl:call-template></dt>
		<dd><xsl:call-template name="date"><xsl:with-param name="d" select="date"/></xsl:call-template></dd>
		<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.version'"/></xsl:call-template></dt>
		<dd><xsl:value-of select="version"/></dd>
		<dt><xsl:call-template name="t"><xsl:with-param name="k" select="'cert.code'"/></xsl:call-template></dt>
		<dd><code><xsl:value-of select="@code"/></code></dd>
	</dl>
</xsl:template>

</xsl:stylesheet>
