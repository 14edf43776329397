<?xml version="1.0" encoding="UTF-8"?>
<!--
  Error pages: what went wrong in words (messages error.KEY and
  error.KEY.help), the status, details, and where to go next.  The detail
  comes from the programs in English, so it says so with lang="en".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:import href="_layout.xsl"/>

<xsl:template match="/page" mode="title">
	<xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', error/@key)"/></xsl:call-template>
</xsl:template>

<xsl:template match="/page" mode="main">
	<section class="error">
		<h1>
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', error/@key)"/></xsl:call-template>
		</h1>
		<p>
			<xsl:call-template name="t"><xsl:with-param name="k" select="concat('error.', error/@key, '.help')"/></xsl:call-template>
		</p>
		<xsl:if test="error/message">
			<p class="detail"><xsl:apply-templates select="error/message" mode="message"/></p>
		</xsl:if>
		<xsl:if test="error/detail">
			<p class="detail" lang="en"><xsl:value-of select="error/detail"/></p>
		</xsl:if>
		<p class="small">
			<xsl:call-template name="tr">
				<xsl:with-param name="k" select="'error.status'"/>
				<xsl:with-param name="p1" select="error/@status"/>
			</xsl:call-template>
			<xsl:text> </xsl:text>
			<span lang="en"><xsl:value-of select="error/title"/></span>
		</p>
		<ul class="plain actions">
			<xsl:if test="not($user) and (error/@key = 'csrf' or error/@status = 403)">
				<li><a href="/learn/login"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.login'"/></xsl:call-template></a></li>
			</xsl:if>
			<li><a href="/learn/"><xsl:call-template name="t"><xsl:with-param name="k" select="'error.home'"/></xsl:call-template></a></li>
		</ul>
	</section>
</xsl:template>
</xsl:stylesheet>
